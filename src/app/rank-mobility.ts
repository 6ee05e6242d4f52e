import { UpskillError } from '../domain/errors.js';
import type { Principal } from '../domain/access/index.js';
import { hoursToLevel, skillsById, type SkillLevel } from '../domain/planning/skill-gaps.js';
import { roleTarget } from '../domain/planning/target-roles.js';
import { MOBILITY_FORMULA, rankMobility, SMALL_GROUP, type MobilityRanking } from '../domain/workforce/index.js';
import { listRelatedOccupations } from '../store/occupation.repository.js';
import { listOccupationActivities } from '../store/organisation.repository.js';
import { assessWorkforce, accessNote, viewerFor } from './assess-workforce.js';
import { AUGMENT, resolveTarget } from './build-plan.js';
import { resolveOccupation } from './show-occupation.js';
import type { UpskillApp } from './upskill-app.js';

export interface MobilityReport {
  target: { id: string; name: string; kind: 'role' | 'occupation' };
  formula: string;
  people: (Omit<MobilityRanking, 'personKey'> & { rank: number; personKey: string | null })[];
  total: number;
  access: string;
}

/**
 * Who could move into a target role (an authored role id) or occupation (a code or title, aiming at
 * its AI-augmented version): everyone ranked by closeness, with what they would need to learn and
 * how long it takes. People the viewer may not see are ranked without their name.
 */
export async function mobilityFor(
  app: UpskillApp,
  roleOrOccupation: string,
  principal: Principal,
  limit = 25,
): Promise<MobilityReport> {
  const input = roleOrOccupation.trim();
  if (!input) throw new UpskillError('BAD_INPUT', 'Name a target role (e.g. data-analyst) or an occupation.');
  const role = app.planningContent().roles.find((r) => r.id === input || r.name.toLowerCase() === input.toLowerCase());
  const known = skillsById(app.skillGraph());
  let target;
  if (role) {
    const t = roleTarget(role);
    target = {
      id: t.id,
      name: t.name,
      kind: 'role' as const,
      skills: t.skills,
      occupationCode: null,
      related: new Set(role.relatedOccupations),
      activities: new Set<string>(),
    };
  } else {
    const occupation = await resolveOccupation(app, input);
    const t = await resolveTarget(app, AUGMENT, occupation);
    const [related, activities] = await Promise.all([
      listRelatedOccupations(app.database, occupation.code),
      listOccupationActivities(app.database, [occupation.code]),
    ]);
    target = {
      id: occupation.code,
      name: occupation.title,
      kind: 'occupation' as const,
      skills: t.skills,
      occupationCode: occupation.code,
      related: new Set(related.map((r) => r.code)),
      activities: activities.get(occupation.code) ?? new Set<string>(),
    };
  }
  const assessment = await assessWorkforce(app);
  const codes = [...new Set(assessment.people.map((p) => p.occupationCode!))];
  const activities = target.activities.size ? await listOccupationActivities(app.database, codes) : new Map();
  const graph = app.skillGraph();
  const ranked = rankMobility(
    assessment.people.map((p) => ({
      personKey: p.personKey,
      name: p.name,
      team: p.team,
      occupationCode: p.occupationCode,
      levels: p.levels,
      learningHoursPerWeek: p.person.learningHoursPerWeek,
    })),
    {
      id: target.id,
      name: target.name,
      required: target.skills.map((s) => ({
        skillId: s.skillId,
        label: known.get(s.skillId)?.name ?? s.skillId,
        level: s.level,
        weight: s.weight,
      })),
      occupationCode: target.occupationCode,
      relatedOccupations: target.related,
      activities: target.activities,
    },
    (skillId, from, to) =>
      hoursToLevel(graph, skillId, to as SkillLevel) - hoursToLevel(graph, skillId, from as SkillLevel),
    (code) => activities.get(code) ?? new Set(),
    4,
  );
  const may = viewerFor(principal, assessment);
  const teamSizes = new Map<string | null, number>();
  for (const p of assessment.people) teamSizes.set(p.team, (teamSizes.get(p.team) ?? 0) + 1);
  return {
    target: { id: target.id, name: target.name, kind: target.kind },
    formula: MOBILITY_FORMULA,
    people: ranked
      .slice(0, limit)
      .map((r, i) => (may(r.personKey) ? { ...r, rank: i + 1 } : { ...hiddenPerson(r, teamSizes), rank: i + 1 })),
    total: ranked.length,
    access: accessNote(principal),
  };
}

/**
 * A person the viewer may not see: no name or id; in a team under SMALL_GROUP people, not even the
 * team or the levels, which together would single them out.
 */
function hiddenPerson(
  ranking: MobilityRanking,
  teamSizes: Map<string | null, number>,
): Omit<MobilityRanking, 'personKey'> & { personKey: null } {
  const hidden = { ...ranking, personKey: null, name: null };
  return (teamSizes.get(ranking.team) ?? 0) < SMALL_GROUP ? { ...hidden, team: null, needs: [] } : hidden;
}
