// Runs inside the page (page.evaluate): accessibility problems of the current screen, as strings.
// Stands in for axe-core (not installed): labels for controls, names for buttons and links,
// one h1, a main landmark, <html lang>.
(() => {
  const problems = [];
  const visible = (el) => el.getClientRects().length > 0;
  const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}`;
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (!visible(el) || el.type === 'hidden') continue;
    const labelled = (el.labels?.length ?? 0) > 0 || el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
    if (!labelled) problems.push(`unlabelled control ${describe(el)}`);
  }
  for (const el of document.querySelectorAll('button, a[href], [role=button]')) {
    if (!visible(el)) continue;
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    if (!name) problems.push(`nameless ${describe(el)}`);
  }
  for (const el of document.querySelectorAll('[aria-describedby]')) {
    for (const id of el.getAttribute('aria-describedby').split(/\s+/)) {
      if (id && !document.getElementById(id)) problems.push(`${describe(el)} described by missing #${id}`);
    }
  }
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push(`expected one h1, found ${h1}`);
  if (!document.querySelector('main')) problems.push('no main landmark');
  if (!document.documentElement.lang) problems.push('html has no lang');
  return problems;
})()
