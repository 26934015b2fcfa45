import { useReactFlow } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../../app/services';
import type { ActivityDescriptor } from '../../api/types';
import { PALETTE_MIME } from '../../canvas/Canvas';
import { categoryColor } from '../../canvas/categoryColor';
import { NODE_HEIGHT, NODE_WIDTH } from '../../model/layout';
import { groupDescriptors } from '../../store/catalog';
import { useEditorStoreApi } from '../../store/editorContext';

export function Palette() {
  const { descriptors, error } = useCatalog(useShallow((s) => ({ descriptors: s.descriptors, error: s.error })));
  const [search, setSearch] = useState('');
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const groups = useMemo(() => groupDescriptors(descriptors, search), [descriptors, search]);
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();

  // Keyboard / click alternative to dragging: drop the activity in the middle of the visible canvas.
  const addAtCenter = (d: ActivityDescriptor) => {
    const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const p = canvas ? screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }) : { x: 0, y: 0 };
    // Step down from the centre until the new node does not cover an existing one.
    const taken = store.getState().nodes.map((n) => n.position);
    const spot = { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) };
    while (taken.some((t) => Math.abs(t.x - spot.x) < NODE_WIDTH && Math.abs(t.y - spot.y) < NODE_HEIGHT + 20)) spot.y += NODE_HEIGHT + 30;
    store.getState().addActivity(d, spot);
  };

  return (
    <aside className="palette" aria-label="Activities" data-testid="palette">
      <div className="panel-title">Activities</div>
      <input type="search" className="search" placeholder="Search activities" aria-label="Search activities" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="palette-search" />
      {error && <div className="alert error small">{error}</div>}
      <div className="palette-groups">
        {groups.map(([category, items]) => {
          const isCollapsed = collapsed[category] === true && !search;
          return (
            <section key={category} className="palette-group">
              <button type="button" className="palette-category" aria-expanded={!isCollapsed} onClick={() => setCollapsed({ ...collapsed, [category]: !isCollapsed })}>
                <span className="dot" style={{ background: categoryColor(category) }} />{category}<span className="count">{items.length}</span>
              </button>
              {!isCollapsed && items.map((d) => (
                <div
                  key={d.typeName}
                  className="palette-item"
                  role="button"
                  tabIndex={0}
                  draggable
                  title={d.description ?? d.typeName}
                  aria-label={`Add ${d.displayName}`}
                  data-testid={`palette-item-${d.typeName}`}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(PALETTE_MIME, d.typeName);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onDoubleClick={() => addAtCenter(d)}
                  onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); addAtCenter(d); } }}
                >
                  <span className="palette-name">{d.displayName}</span>
                  {d.isTrigger && <span className="node-tag">trigger</span>}
                </div>
              ))}
            </section>
          );
        })}
        {groups.length === 0 && <div className="muted small pad">No activity matches.</div>}
      </div>
    </aside>
  );
}
