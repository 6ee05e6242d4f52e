import { UpskillError } from '../domain/errors.js';
import { mayViewPerson, type Principal, type RosterRelation } from '../domain/access/index.js';
import { onetStartingLevels } from '../domain/planning/onet-starting-levels.js';
import { hoursToLevel, skillsById, type SkillLevel } from '../domain/planning/skill-gaps.js';
import { roleTarget, type TargetRole } from '../domain/planning/target-roles.js';
import {
  personReadiness,
  READINESS_FORMULA,
  rollUpReadiness,
  type AssessedPerson,
  type GroupBy,
  type ReadinessRollUp,
  type RequiredLevel,
} from '../domain/workforce/index.js';
import { listLevelRatings } from '../store/career.repository.js';
import { findApplicability } from '../store/observed-use.repository.js';
import { findWage, listOccupationNames } from '../store/occupation.repository.js';
import * as org from '../store/organisation.repository.js';
import { AUGMENT, resolveTarget } from './build-plan.js';
import type { UpskillApp } from './upskill-app.js';

/** What the assessment needs of one occupation, read once per assessment. */
export interface OccupationFacts {
  code: string;
  title: string;
  /** GPTs-are-GPTs β of the GPT-4 ratings (the human ratings where GPT-4's are missing). */
  exposure: number | null;
  /** Microsoft's AI applicability score of the SOC occupation (observed Copilot use). */
  observedUse: number | null;
  onetLevels: Map<string, SkillLevel>;
  augmented: TargetRole;
  wage: { hourly: number | null; annual: number | null; title: string } | null;
}

export interface AssessedRecord extends AssessedPerson {
  person: org.OrgPerson;
  target: { id: string; name: string };
  sources: Map<string, org.SkillSource>;
}

export interface Assessment {
  people: AssessedRecord[];
  byKey: Map<string, AssessedRecord>;
  /** People without an occupation (title not resolved nor confirmed): not assessed. */
  notAssessed: number;
  onetDefaults: number;
  occupations: Map<string, OccupationFacts>;
  relations: Map<string, RosterRelation>;
}

export const SOURCES = [
  'O*NET 27.0 (occupations, Skills and Knowledge levels)',
  'GPTs are GPTs (Eloundou et al. 2023) exposure ratings, β',
  'Microsoft Working with AI (2025) AI applicability scores',
  'Upskill skills graph (content/skills) learning hours',
];

const cache = new WeakMap<UpskillApp, { stamp: string; assessment: Promise<Assessment> }>();

async function stampOf(app: UpskillApp): Promise<string> {
  // Reporting lines decide who sees whom: a changed manager or e-mail must not keep the old view.
  const [row] = await app.database.query<{
    n: number;
    at: string | null;
    s: number;
    t: string | null;
    r: string | null;
  }>(
    `select (select count(*)::int from org_people) as n, (select max(updated_at)::text from org_people) as at,
       (select count(*)::int from org_person_skills) as s,
       (select string_agg(team || '=' || target, ',' order by team) from org_team_targets) as t,
       (select string_agg(id || ':' || coalesce(manager_id, '') || ':' || lower(email), ',' order by id)
          from accounts) as r`,
  );
  return JSON.stringify(row);
}

/** Facts of each occupation, read in parallel a few at a time. */
async function occupationFacts(app: UpskillApp, codes: readonly string[]): Promise<Map<string, OccupationFacts>> {
  const names = new Map((await listOccupationNames(app.database)).map((o) => [o.code, o.title]));
  const exposures = new Map((await app.exposures()).map((e) => [e.code, e]));
  const facts = new Map<string, OccupationFacts>();
  const queue = [...codes];
  const worker = async () => {
    for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
      const title = names.get(code);
      if (!title) continue;
      const [ratings, applicability, wage, augmented] = await Promise.all([
        listLevelRatings(app.database, code),
        findApplicability(app.database, code.slice(0, 7)),
        findWage(app.database, code),
        resolveTarget(app, AUGMENT, { code, title }),
      ]);
      const exposure = exposures.get(code);
      const onetLevels = new Map<string, SkillLevel>();
      for (const [skillId, start] of onetStartingLevels(ratings))
        if (start.level > 0) onetLevels.set(skillId, start.level);
      facts.set(code, {
        code,
        title,
        exposure: exposure?.gpt4?.beta ?? exposure?.human?.beta ?? null,
        observedUse: applicability?.score ?? null,
        onetLevels,
        augmented,
        wage: wage ? { hourly: wage.medianHourly, annual: wage.medianAnnual, title: wage.title } : null,
      });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return facts;
}

/**
 * Everyone's current levels (roster > résumé > O*NET defaults of their occupation), their target
 * (their own, their team's, or the AI-augmented version of their own job) and what stands between.
 * Kept in memory until the roster changes.
 */
export async function assessWorkforce(app: UpskillApp, options: { fresh?: boolean } = {}): Promise<Assessment> {
  const stamp = await stampOf(app);
  const hit = cache.get(app);
  if (hit && hit.stamp === stamp && !options.fresh) return hit.assessment;
  const assessment = build(app);
  cache.set(app, { stamp, assessment });
  assessment.catch(() => cache.delete(app));
  return assessment;
}

async function build(app: UpskillApp): Promise<Assessment> {
  const db = app.database;
  const [people, skills, teamTargets, relations] = await Promise.all([
    org.listPeople(db),
    org.listPersonSkills(db),
    org.listTeamTargets(db),
    org.listPersonRelations(db),
  ]);
  const codes = [...new Set(people.flatMap((p) => (p.occupationCode ? [p.occupationCode] : [])))];
  const occupations = await occupationFacts(app, codes);
  const graph = app.skillGraph();
  const known = skillsById(graph);
  const roles = new Map(app.planningContent().roles.map((r) => [r.id, roleTarget(r)]));
  const teamTarget = new Map(teamTargets.map((t) => [t.team, t.target]));
  const skillsOf = new Map<string, org.OrgPersonSkill[]>();
  for (const s of skills) {
    const list = skillsOf.get(s.personKey);
    if (list) list.push(s);
    else skillsOf.set(s.personKey, [s]);
  }
  const requiredOf = new Map<TargetRole, RequiredLevel[]>();
  const required = (target: TargetRole): RequiredLevel[] => {
    let list = requiredOf.get(target);
    if (!list) {
      list = target.skills.map((s) => ({
        skillId: s.skillId,
        label: known.get(s.skillId)?.name ?? s.skillId,
        level: s.level,
        weight: s.weight,
      }));
      requiredOf.set(target, list);
    }
    return list;
  };
  const out: AssessedRecord[] = [];
  let notAssessed = 0;
  let onetDefaults = 0;
  for (const person of people) {
    const facts = person.occupationCode ? occupations.get(person.occupationCode) : undefined;
    const wanted = person.target ?? (person.team ? teamTarget.get(person.team) : undefined) ?? AUGMENT;
    const target = wanted === AUGMENT ? facts?.augmented : (roles.get(wanted) ?? facts?.augmented);
    if (!facts || !target) {
      notAssessed += 1;
      continue;
    }
    const levels = new Map<string, number>();
    const sources = new Map<string, org.SkillSource>();
    for (const [skillId, level] of facts.onetLevels) {
      levels.set(skillId, level);
      sources.set(skillId, 'onet-default');
    }
    const own = skillsOf.get(person.personKey) ?? [];
    for (const source of ['resume', 'roster'] as const)
      for (const s of own)
        if (s.source === source) {
          levels.set(s.skillId, s.level);
          sources.set(s.skillId, source);
        }
    for (const source of sources.values()) if (source === 'onet-default') onetDefaults += 1;
    const needs = required(target);
    const gapHours = new Map<string, number>();
    for (const need of needs) {
      const have = levels.get(need.skillId) ?? 0;
      if (have < need.level)
        gapHours.set(
          need.skillId,
          hoursToLevel(graph, need.skillId, need.level as SkillLevel) -
            hoursToLevel(graph, need.skillId, have as SkillLevel),
        );
    }
    out.push({
      personKey: person.personKey,
      name: person.name,
      team: person.team,
      department: person.department,
      level: person.level,
      occupationCode: person.occupationCode,
      exposure: facts.exposure,
      observedUse: facts.observedUse,
      levels,
      required: needs,
      gapHours,
      person,
      target: { id: target.id, name: target.name },
      sources,
    });
  }
  return {
    people: out,
    byKey: new Map(out.map((p) => [p.personKey, p])),
    notAssessed,
    onetDefaults,
    occupations,
    relations: new Map(relations.map((r) => [r.personKey, r])),
  };
}

/** Stores everyone's gaps (org_person_gaps), for SQL roll-ups beside the in-memory ones. */
export async function storeGaps(app: UpskillApp, assessment: Assessment): Promise<void> {
  const gaps: org.OrgPersonGap[] = [];
  for (const p of assessment.people)
    for (const need of p.required) {
      const have = p.levels.get(need.skillId) ?? 0;
      if (have >= need.level) continue;
      gaps.push({
        personKey: p.personKey,
        skillId: need.skillId,
        label: need.label,
        currentLevel: have,
        targetLevel: need.level,
        hours: p.gapHours.get(need.skillId) ?? 0,
      });
    }
  await app.database.transaction(async (tx) => {
    await tx.query('delete from org_person_gaps');
    await org.replacePersonGaps(tx, [], gaps);
  });
}

/** Whether this viewer may see the person by name (see mayViewPerson). */
export function viewerFor(
  principal: Principal,
  assessment: Pick<Assessment, 'relations'>,
): (personKey: string) => boolean {
  if (principal.kind === 'personal' || (principal.kind === 'account' && principal.role === 'administrator'))
    return () => true;
  return (personKey) => mayViewPerson(principal, assessment.relations.get(personKey));
}

/** What the viewer sees, in words. */
export function accessNote(principal: Principal): string {
  if (principal.kind === 'personal')
    return 'Personal mode: everything is shown, with names (no accounts on this store).';
  if (principal.kind === 'account' && principal.role === 'administrator')
    return 'You are an administrator: every person is shown by name.';
  if (principal.kind === 'account' && principal.role === 'manager')
    return 'Names are shown for the people who report to you; everyone else is counted only, and groups under five are withheld.';
  return 'People are counted only (no names); groups under five are withheld.';
}

export type ReadinessReport = ReadinessRollUp & { access: string; sources: string[]; notAssessed: number };

/** The readiness roll-up by team, department or level, narrowed to what the viewer may see. */
export async function workforceReadiness(app: UpskillApp, by: GroupBy, principal: Principal): Promise<ReadinessReport> {
  const assessment = await assessWorkforce(app);
  const rolled = rollUpReadiness(assessment.people, by, { mayView: viewerFor(principal, assessment) });
  const empty = assessment.people.length === 0 && assessment.notAssessed === 0;
  // No roster yet is an empty roll-up that says how to get one, not an error.
  const access = empty
    ? `No roster is imported yet: import one with \`upskill org import roster.csv\`, or try \`upskill org demo\`. ${accessNote(principal)}`
    : accessNote(principal);
  return { ...rolled, access, sources: SOURCES, notAssessed: assessment.notAssessed };
}

export interface PersonDetail {
  person: org.OrgPerson & { occupationTitle: string | null };
  target: { id: string; name: string };
  readiness: number;
  formula: string;
  exposure: number | null;
  observedUse: number | null;
  skills: { skillId: string; label: string; level: number; source: org.SkillSource }[];
  required: RequiredLevel[];
  gaps: { skillId: string; label: string; currentLevel: number; targetLevel: number; hours: number }[];
  hours: number;
  weeks: number;
}

/** One person's drill-down; one the viewer may not see answers exactly like one that does not exist. */
export async function personDetail(app: UpskillApp, personKey: string, principal: Principal): Promise<PersonDetail> {
  const assessment = await assessWorkforce(app);
  const person = await org.findPerson(app.database, personKey);
  if (!person || !viewerFor(principal, assessment)(personKey))
    throw new UpskillError('NOT_FOUND', `There is no person "${personKey}" on the roster.`);
  const assessed = assessment.byKey.get(personKey);
  const graph = skillsById(app.skillGraph());
  const occupationTitle = person.occupationCode
    ? (assessment.occupations.get(person.occupationCode)?.title ?? null)
    : null;
  if (!assessed)
    throw new UpskillError('NO_MATCH', `${personKey}: the title "${person.title}" has no occupation yet.`, {
      hint: `Confirm one with \`upskill org confirm ${personKey}=<occupation code>\`.`,
    });
  const gaps = assessed.required
    .filter((r) => (assessed.levels.get(r.skillId) ?? 0) < r.level)
    .map((r) => ({
      skillId: r.skillId,
      label: r.label,
      currentLevel: assessed.levels.get(r.skillId) ?? 0,
      targetLevel: r.level,
      hours: assessed.gapHours.get(r.skillId) ?? 0,
    }));
  const hours = gaps.reduce((sum, g) => sum + g.hours, 0);
  const perWeek = person.learningHoursPerWeek ?? 4;
  return {
    person: { ...person, occupationTitle },
    target: assessed.target,
    readiness: personReadiness(assessed),
    formula: READINESS_FORMULA,
    exposure: assessed.exposure,
    observedUse: assessed.observedUse,
    skills: [...assessed.levels]
      .map(([skillId, level]) => ({
        skillId,
        label: graph.get(skillId)?.name ?? skillId,
        level,
        source: assessed.sources.get(skillId)!,
      }))
      .sort((a, b) => a.skillId.localeCompare(b.skillId)),
    required: [...assessed.required],
    gaps,
    hours,
    weeks: perWeek > 0 ? Math.ceil(hours / perWeek) : 0,
  };
}

/** Sets the role a team aims at (an authored role id, or ai-augmented for each person's own job) and reassesses. */
export async function setTeamTarget(
  app: UpskillApp,
  team: string,
  target: string,
): Promise<{ team: string; target: string }> {
  if (target !== AUGMENT && !app.planningContent().roles.some((r) => r.id === target))
    throw new UpskillError('NOT_FOUND', `There is no target role "${target}".`, {
      hint: `Choose ${AUGMENT} or one of: ${app
        .planningContent()
        .roles.map((r) => r.id)
        .join(', ')}.`,
    });
  const teams = await app.database.query<{ n: number }>('select count(*)::int as n from org_people where team = $1', [
    team,
  ]);
  if (teams[0]!.n === 0) throw new UpskillError('NOT_FOUND', `There is no team "${team}" on the roster.`);
  await org.setTeamTarget(app.database, team, target);
  await storeGaps(app, await assessWorkforce(app, { fresh: true }));
  return { team, target };
}
