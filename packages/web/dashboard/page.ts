/** The dashboard's one page: sign-in, outcomes (analytics:read) and client trajectory (assessments:read). */
/**
 * The page; `asset(name)` is the URL of one of its files.
 * @example renderDashboard((name) => `/app/assets/${name}`)
 */
export const renderDashboard = (asset: (name: string) => string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MI outcomes</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('dashboard.css')}">
<script type="module" src="${asset('dashboard.js')}"></script>
</head>
<body>
<header><h1>MI outcomes</h1><button id="signout" type="button" hidden>Sign out</button></header>
<p id="status" role="status" aria-live="polite"></p>
<form id="signin" autocomplete="off">
  <label>API key <input name="apiKey" type="password" required autocomplete="off"></label>
  <button type="submit">Sign in</button>
  <p class="hint">The key stays in this tab only (session storage) and is sent as a bearer header.</p>
</form>
<main>
<section id="outcomes" hidden aria-labelledby="outcomes-title">
  <h2 id="outcomes-title">Outcomes</h2>
  <form id="outcome-form">
    <label>Instrument <select name="instrument"></select></label>
    <label>From <input name="from" type="month" required></label>
    <label>To <input name="to" type="month" required></label>
    <label>By <select name="groupBy"><option value="month">month</option><option value="quarter">quarter</option></select></label>
    <button type="submit">Show</button>
    <button id="export" type="button">Download CSV export</button>
    <span id="export-progress" role="status" aria-live="polite"></span>
  </form>
  <p class="hint">Figures resting on fewer than 11 clients are suppressed (drawn as dashed grey placeholders), never shown as 0.</p>
  <div id="charts"></div>
</section>
<section id="trajectory" hidden aria-labelledby="trajectory-title">
  <h2 id="trajectory-title">Client trajectory</h2>
  <form id="trajectory-form" autocomplete="off">
    <label>Client ref <input name="ref" type="text" required autocomplete="off"></label>
    <button type="submit">Show trajectory</button>
  </form>
  <div id="lines"></div>
</section>
</main>
</body>
</html>
`;
