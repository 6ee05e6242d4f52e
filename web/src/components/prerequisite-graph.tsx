import type { Skill } from '../api/types';

const NODE = { width: 188, height: 46 };
const GAP = { column: 56, row: 14 };

interface Placed {
  skill: Skill;
  x: number;
  y: number;
  role: 'prerequisite' | 'selected' | 'unlocks';
}

/** Every skill to learn before `skillId`, in columns by distance (furthest left), and what it unlocks. */
export function prerequisiteLayers(skills: readonly Skill[], skillId: string): { layers: Skill[][]; unlocks: Skill[] } {
  const byId = new Map(skills.map((s) => [s.id, s]));
  const depth = new Map<string, number>([[skillId, 0]]);
  const visit = (id: string, d: number): void => {
    for (const prerequisite of byId.get(id)?.prerequisites ?? []) {
      // Longest path wins, so every arrow points rightwards.
      if ((depth.get(prerequisite) ?? -1) < d + 1) {
        depth.set(prerequisite, d + 1);
        visit(prerequisite, d + 1);
      }
    }
  };
  visit(skillId, 0);
  const deepest = Math.max(...depth.values());
  const layers: Skill[][] = Array.from({ length: deepest + 1 }, () => []);
  for (const [id, d] of depth) layers[deepest - d]!.push(byId.get(id)!);
  for (const layer of layers) layer.sort((a, b) => a.name.localeCompare(b.name));
  const unlocks = skills.filter((s) => s.prerequisites.includes(skillId)).sort((a, b) => a.name.localeCompare(b.name));
  return { layers, unlocks };
}

function wrap(name: string, max = 24): string[] {
  if (name.length <= max) return [name];
  const words = name.split(' ');
  let first = '';
  while (words.length && `${first} ${words[0]}`.trim().length <= max) first = `${first} ${words.shift()}`.trim();
  const rest = words.join(' ');
  return [first, rest.length > max ? `${rest.slice(0, max - 1)}…` : rest];
}

export function PrerequisiteGraph({
  skills,
  skillId,
  onSelect,
}: {
  skills: readonly Skill[];
  skillId: string;
  onSelect: (id: string) => void;
}) {
  const { layers, unlocks } = prerequisiteLayers(skills, skillId);
  const columns: { skills: Skill[]; role: Placed['role'] }[] = [
    ...layers.map((layer, i) => ({
      skills: layer,
      role: i === layers.length - 1 ? ('selected' as const) : ('prerequisite' as const),
    })),
    ...(unlocks.length ? [{ skills: unlocks, role: 'unlocks' as const }] : []),
  ];
  const tallest = Math.max(...columns.map((c) => c.skills.length));
  const height = tallest * (NODE.height + GAP.row) + GAP.row;
  const width = columns.length * (NODE.width + GAP.column) - GAP.column + 2;
  const placed = new Map<string, Placed>();
  columns.forEach((column, c) => {
    const top = (height - column.skills.length * (NODE.height + GAP.row) + GAP.row) / 2;
    column.skills.forEach((skill, r) =>
      placed.set(`${column.role}:${skill.id}`, {
        skill,
        x: 1 + c * (NODE.width + GAP.column),
        y: top + r * (NODE.height + GAP.row),
        role: column.role,
      }),
    );
  });
  const nodeOf = (id: string) => placed.get(`prerequisite:${id}`) ?? placed.get(`selected:${id}`);
  const edges: { from: Placed; to: Placed }[] = [];
  for (const node of placed.values()) {
    if (node.role === 'unlocks') edges.push({ from: placed.get(`selected:${skillId}`)!, to: node });
    else for (const p of node.skill.prerequisites) if (nodeOf(p)) edges.push({ from: nodeOf(p)!, to: node });
  }
  const selected = placed.get(`selected:${skillId}`)!.skill;
  const description =
    layers.length > 1
      ? `Learn before ${selected.name}: ${layers
          .slice(0, -1)
          .flat()
          .map((s) => s.name)
          .join(', ')}.`
      : `${selected.name} has no prerequisites.`;
  return (
    <figure className="graph">
      <div className="graph-scroll">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          style={{ maxWidth: width }}
          role="group"
          aria-label={`Prerequisites of ${selected.name}`}
        >
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
            </marker>
          </defs>
          {edges.map(({ from, to }) => {
            const x1 = from.x + NODE.width;
            const y1 = from.y + NODE.height / 2;
            const x2 = to.x;
            const y2 = to.y + NODE.height / 2;
            const mid = (x1 + x2) / 2;
            return (
              <path
                key={`${from.role}${from.skill.id}-${to.role}${to.skill.id}`}
                d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2 - 2},${y2}`}
                className="edge"
                markerEnd="url(#arrow)"
              />
            );
          })}
          {[...placed.values()].map((node) => (
            <a
              key={`${node.role}:${node.skill.id}`}
              href={`/explore?skill=${node.skill.id}`}
              aria-current={node.role === 'selected' ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                onSelect(node.skill.id);
              }}
            >
              <rect
                x={node.x}
                y={node.y}
                width={NODE.width}
                height={NODE.height}
                rx={8}
                className={`node node-${node.role}`}
              />
              <text
                x={node.x + NODE.width / 2}
                y={node.y + NODE.height / 2}
                textAnchor="middle"
                dominantBaseline="central"
                className="node-label"
              >
                {wrap(node.skill.name).map((line, i, lines) => (
                  <tspan key={i} x={node.x + NODE.width / 2} dy={i === 0 ? (lines.length - 1) * -8 : 16}>
                    {i < lines.length - 1 ? `${line} ` : line}
                  </tspan>
                ))}
              </text>
            </a>
          ))}
        </svg>
      </div>
      <figcaption>
        {description} {unlocks.length > 0 && `It unlocks ${unlocks.map((s) => s.name).join(', ')}.`}
      </figcaption>
    </figure>
  );
}
