// Progressive enhancement only: every page works without this file.
// Moves focus to the error summary when a form comes back with errors (GOV.UK pattern).
const summary = document.getElementById('resume-erreurs');
if (summary) summary.focus();
