// Draws a deployed BPMN with bpmn-js (navigated viewer: pan and zoom, no editing) and marks what happened on it.

export async function showDiagram(container, xml) {
  const viewer = new BpmnJS({ container });
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport', 'auto');
  return viewer;
}

export function mark(viewer, elementIds, cssClass) {
  const registry = viewer.get('elementRegistry');
  const canvas = viewer.get('canvas');
  for (const id of new Set(elementIds)) {
    if (registry.get(id)) canvas.addMarker(id, cssClass);
  }
}

/** Little count badges above an element: active (blue), incidents (red), completed (grey). */
export function counts(viewer, elementId, { active = 0, incidents = 0, completed = 0 }) {
  if (!viewer.get('elementRegistry').get(elementId)) return;
  const html = document.createElement('div');
  const add = (n, kind, title) => {
    if (!n) return;
    const span = document.createElement('span');
    span.className = `o2c-count ${kind}`;
    span.title = title;
    span.textContent = n;
    html.append(span);
  };
  add(active, 'active', 'active');
  add(incidents, 'incident', 'incidents');
  add(completed, 'done', 'completed');
  if (html.children.length) viewer.get('overlays').add(elementId, { position: { top: -14, left: 0 }, html });
}
