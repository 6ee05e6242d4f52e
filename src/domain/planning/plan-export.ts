import type { Plan } from './path-planner.js';
import { levelName } from './skill-levels.js';

/** The plan as Markdown a person would print or paste: weeks, steps with resources, milestones. */
export function planToMarkdown(plan: Plan, title: string): string {
  const steps = new Map(plan.steps.map((s) => [s.id, s]));
  const out = [
    `# ${title}`,
    '',
    `${plan.totalHours} hours at ${plan.hoursPerWeek} h a week: ${plan.startDate} → ${plan.endDate}.`,
    '',
  ];
  for (const week of plan.weeks) {
    out.push(`## Week ${week.week} (${week.start} – ${week.end}) · ${week.hours} h`, '');
    for (const item of week.items) {
      const step = steps.get(item.stepId)!;
      const cost = step.resource.cost === 0 ? 'free' : `$${step.resource.cost}`;
      out.push(`- [ ] **${step.name} → ${levelName(step.level)}** (${item.hours} h): ${step.outcome}`);
      out.push(
        `  Resource: [${step.resource.title}](${step.resource.url}) — ${step.resource.provider}, ${step.resource.format}, ${cost}`,
      );
    }
    for (const milestone of plan.milestones.filter((m) => m.week === week.week))
      out.push(`- 🏁 **Milestone — ${milestone.title}.** ${milestone.project}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 folding: lines of at most 75 octets, continued with a leading space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + (start === 0 ? 75 : 74));
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // never split a UTF-8 sequence
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

const compact = (isoDate: string): string => isoDate.replace(/-/g, '');

/**
 * The plan as an iCalendar file: one all-day event per week listing its steps, and one per
 * milestone. `stamp` (UTC, e.g. 20261122T120000Z) is passed in so the output is reproducible.
 */
export function planToICalendar(plan: Plan, title: string, planId: string, stamp: string): string {
  const steps = new Map(plan.steps.map((s) => [s.id, s]));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Upskill//Learning plan//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(title)}`,
  ];
  const event = (uid: string, start: string, endExclusive: string, summary: string, description: string): void => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@upskill.local`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(start)}`,
      `DTEND;VALUE=DATE:${compact(endExclusive)}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'END:VEVENT',
    );
  };
  for (const week of plan.weeks) {
    if (week.items.length === 0) continue;
    const names = [...new Set(week.items.map((item) => steps.get(item.stepId)!.name))];
    const description = week.items
      .map((item) => {
        const step = steps.get(item.stepId)!;
        return `${step.name} → ${levelName(step.level)} (${item.hours} h): ${step.resource.title} ${step.resource.url}`;
      })
      .join('\n');
    const [y, m, d] = week.end.split('-').map(Number) as [number, number, number];
    const dayAfter = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    event(
      `${planId}-week-${week.week}`,
      week.start,
      dayAfter,
      `Upskill week ${week.week}: ${names.join(', ')} (${week.hours} h)`,
      description,
    );
  }
  for (const milestone of plan.milestones) {
    const [y, m, d] = milestone.date.split('-').map(Number) as [number, number, number];
    event(
      `${planId}-milestone-${milestone.skillId}`,
      milestone.date,
      new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10),
      `Milestone: ${milestone.title}`,
      milestone.project,
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
