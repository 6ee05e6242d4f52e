import { Link } from 'wouter';
import { useAbout } from '../api/queries';

/** Every data source credited on every page, as their licences ask. */
export function Footer() {
  const about = useAbout();
  return (
    <footer className="site-footer">
      <p>
        <strong>Upskill{about.data ? ` ${about.data.version}` : ''}</strong> runs on this computer: what you type or
        upload stays on it. <Link href="/about">About the data</Link>
      </p>
      {!about.data && (
        // Credit is due even when the server cannot say more: the sources it always loads.
        <p>Data: O*NET 27.0 (USDOL/ETA, CC BY 4.0), GPTs-are-GPTs (Eloundou et al., MIT), BLS OEWS (public domain).</p>
      )}
      {about.data && (
        <ul className="attribution">
          {about.data.attribution.map((a) => (
            <li key={a.source}>
              {a.text}{' '}
              <a href={a.url} rel="noopener noreferrer">
                {a.source}
              </a>{' '}
              ({a.licence})
            </li>
          ))}
        </ul>
      )}
    </footer>
  );
}
