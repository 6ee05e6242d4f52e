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
              Upskill {about.data.version}. The same facts, as data for other programs:{' '}
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
          Each O*NET task was labelled twice in the GPTs-are-GPTs study — by human raters (trained annotators) and by
          GPT-4 — with one rubric:
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
        <h3>What people actually do with AI</h3>
        <p>
          Beside what AI could do, each task shows what people do with it today: its share of about a million Claude
          conversations in the Anthropic Economic Index (Feb 2025), matched by the task's words or its O*NET Task ID. A
          task the index lists but never saw in use is "not seen"; one it does not list is "unknown", never "unused".
          Each occupation's AI applicability score and each work activity's share of conversations come from Microsoft's
          Working with AI study of Bing Copilot conversations.
        </p>
        <h3>Hours AI could save</h3>
        <p>
          A 40-hour week is split over the tasks by the occupation's work-activity weights (O*NET task relevance and
          importance) where published, else by task weight. An E1 task is assumed to take half the time with an LLM and
          an E2 task a quarter less; the low end uses the lower of the two raters and only the share people realise
          today (observed use), the high end the higher rater in full. Checking AI's work takes back 30 % of the time
          saved (50 % when personal or confidential data is involved), and tasks that stay human save nothing. It is an
          estimate, not a forecast of what will happen in your job.
        </p>
        <h3>Guidance and what stays human</h3>
        <p>
          Every task takes the guidance written for its O*NET work activity (332 activities, each with a recipe, named
          tools, what to check and a risk class): <strong>assist</strong> (AI drafts, you decide),{' '}
          <strong>caution</strong> (personal, confidential or regulated data: what never to paste) or{' '}
          <strong>human-only</strong> (safety, care, operating vehicles or machinery, decisions about a person: AI may
          prepare information, it never decides).
        </p>
        <h3>Skills, gaps and plans</h3>
        <p>
          The generative-AI skills graph, the target roles, the learning resources and the work-activity guidance are
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
