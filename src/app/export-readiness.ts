import ExcelJS from 'exceljs';
import type { ReadinessReport } from './assess-workforce.js';

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The groups as rows: readiness, exposure, people near their target, and one column per heat-map skill. */
function rows(report: ReadinessReport): (string | number | null)[][] {
  const header = [
    report.by,
    'people',
    'readiness (0-100)',
    'share of work exposed',
    'observed AI use',
    'near target',
    ...report.heatMap.skills.map((s) => `${s.label} (0-100)`),
  ];
  const cells = new Map(report.heatMap.rows.map((r) => [r.group, r.cells]));
  return [
    header,
    ...report.groups.map((g) => [
      g.name,
      g.people,
      g.readiness,
      g.exposedShare,
      g.observedUse,
      g.nearTarget,
      ...(cells.get(g.name) ?? []).map((c) => c.value),
    ]),
  ];
}

/** The roll-up as CSV, with the formula and sources as trailing comment lines. */
export function readinessToCsv(report: ReadinessReport): string {
  return (
    rows(report)
      .map((r) => r.map(csvCell).join(','))
      .join('\n') + `\n# ${report.formula}\n# ${report.access}\n# Sources: ${report.sources.join('; ')}\n`
  );
}

/** The roll-up as an Excel workbook: the groups, and a sheet that says how it was computed. */
export async function readinessToXlsx(report: ReadinessReport): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`Readiness by ${report.by}`);
  for (const row of rows(report)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const about = book.addWorksheet('How it is computed');
  about.addRow([report.formula]);
  about.addRow([report.access]);
  for (const source of report.sources) about.addRow([source]);
  return new Uint8Array(await book.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
}
