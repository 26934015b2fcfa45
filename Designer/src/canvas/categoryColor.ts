const palette: Record<string, string> = {
  SmartRecruiters: '#1f8a70',
  'Control Flow': '#7c4dff',
  Flow: '#7c4dff',
  Primitives: '#2456d6',
  Scheduling: '#d97706',
  HTTP: '#0e7490',
  Http: '#0e7490',
  Scripting: '#be185d',
  RulesEngine: '#4f46e5',
  Triggers: '#d97706',
};

/** A stable accent colour per palette category (known ones fixed, others hashed). */
export function categoryColor(category: string): string {
  const known = palette[category];
  if (known) return known;
  let h = 0;
  for (const ch of category) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${h} 55% 42%)`;
}
