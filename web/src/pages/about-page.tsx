import { useAbout } from '../api/queries';
import { LABEL_MEANING } from '../components/exposure-badge';
import { Page } from '../components/page';
import { ErrorNotice, Loading } from '../components/status-views';
import { formatDate } from '../format';

export function AboutPage() {
  const about = useAbout();
  return (
    <Page
      title="About this data"
      lead="Every number in Upskill comes from public data or from rules written down in this project; this page says which."
    >
      <section className="card section" aria-labelledby="loaded-heading">
        <h2 id="loaded-heading">What is loaded</h2>
        {about.isPending ? (
          <Loading what="the data sources" />
        ) : about.isError ? (
          <ErrorNotice error={about.error} retry={() => void about.refetch()} />
        ) : (
          <>
            <table>
              <caption className="visually-hidden">Datasets loaded into this installation</caption>
              <thead>
                <tr>
                  <th scope="col">Dataset</th>
                  <th scope="col">Version</th>
                  <th scope="col">Loaded</th>
                </tr>
              </thead>
              <tbody>
                {about.data.data.map((d) => (
                  <tr key={d.source}>
                    <td>{d.source}</td>
                    <td>{d.version}</td>
                    <td>{formatDate(d.loadedAt.slice(0, 10))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">
              Upskill {about.data.version}. The same facts are in <code>upskill data status</code> and{' '}
              <a href="/api/about">/api/about</a>; the API is described at{' '}
              <a href="/api/openapi.json">/api/openapi.json</a>.
            </p>
            <h3>Sources and licences</h3>
            <ul className="attribution-list">
              {about.data.attribution.map((a) => (
                <li key={a.source}>
                  <strong>{a.source}</strong> ({a.licence}). {a.text}{' '}
                  <a href={a.url} rel="noopener noreferrer">
                    {a.url}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card section" aria-labelledby="method-heading">
        <h2 id="method-heading">How the figures are made</h2>
        <h3>Which tasks AI can help with</h3>
        <p>
          Each O*NET task was labelled twice in the GPTs-are-GPTs study — by trained human annotators and by GPT-4 —
          with one rubric:
        </p>
        <ul>
          {(['E0', 'E1', 'E2'] as const).map((label) => (
            <li key={label}>
              <strong>{label}</strong>: {LABEL_MEANING[label]}.
            </li>
          ))}
        </ul>
        <p>
          An occupation's exposure is the weighted share of its tasks that are exposed: α counts E1 only, β counts E1
          plus half of E2 (the figure shown), γ counts both in full. Core tasks weigh twice as much as supplemental
          ones, as in the paper; the result matches the paper's published occupation scores.
        </p>
        <h3>Hours AI could save</h3>
        <p>
          A 40-hour week is split over the tasks by the same weights; an E1 task is assumed to take half the time with
          an LLM and an E2 task a quarter less. The two raters give the low and high ends. It is an estimate of
          potential, not a forecast of what will happen in your job.
        </p>
        <h3>Skills, gaps and plans</h3>
        <p>
          The generative-AI skills graph, the target roles, the learning resources and the task-to-capability rules are
          written by this project (in its <code>content/</code> folder) and tested for consistency. Résumé skills are
          found by matching the graph's names and aliases and O*NET's technology and tool examples; you confirm them on
          the skills page.
        </p>
      </section>

      <section className="card section" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Your data</h2>
        <p>
          Upskill runs on your computer. Your résumé is read by the local server and kept, with your plan and progress,
          in its local database — nothing is sent anywhere. The page loads nothing from other sites; links to courses
          open only when you choose them. Delete a plan on the start page and its progress goes with it.
        </p>
      </section>
    </Page>
  );
}
