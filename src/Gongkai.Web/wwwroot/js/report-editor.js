// Live diagnostics for the annual-report editor: re-check the report with the narrative as typed.
// The page works without this script (diagnostics are shown after saving).
(function () {
  const form = document.getElementById('narrative');
  const list = document.getElementById('diagnostics');
  if (!form || !list) return;
  let timer = null;
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(async function () {
      const data = new FormData(form);
      const response = await fetch(window.location.pathname + '?handler=check', { method: 'POST', body: data, credentials: 'same-origin' });
      if (!response.ok) return;
      const diagnostics = await response.json();
      list.replaceChildren();
      if (diagnostics.length === 0) {
        const li = document.createElement('li');
        li.textContent = '未发现问题';
        list.appendChild(li);
      }
      for (const d of diagnostics) {
        const li = document.createElement('li');
        li.className = d.severity;
        li.textContent = '[' + d.code + '] ' + d.message;
        list.appendChild(li);
      }
    }, 400);
  });
})();
