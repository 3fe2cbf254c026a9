// Name suggestions for the inputs marked data-suggest="<datalist id>": the people whose names
// contain what was typed (any script), from the API's own people listing. The form works the
// same without it.
"use strict";

const MIN_CHARS = 2; // the people listing's shortest name query
const WAIT_MS = 200; // typing pause before asking, so a word is one request, not one per key
const SUGGESTIONS = 8;

function suggest(input, list) {
  let timer = null;
  let asked = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < MIN_CHARS || text === asked) return;
    timer = setTimeout(async () => {
      asked = text;
      const query = new URLSearchParams({ q: text, limit: String(SUGGESTIONS) });
      const response = await fetch(`/people?${query}`, { headers: { Accept: "application/json" } });
      if (!response.ok || input.value.trim() !== text) return;
      const { data } = await response.json();
      const options = [];
      for (const person of data) {
        const who = [person.name_en || person.name, person.role, person.country]
          .filter(Boolean)
          .join(", ");
        for (const name of new Set([person.name, ...person.names])) {
          const option = document.createElement("option");
          option.value = name;
          option.label = who;
          options.push(option);
        }
      }
      list.replaceChildren(...options);
    }, WAIT_MS);
  });
}

for (const input of document.querySelectorAll("input[data-suggest]")) {
  const list = document.getElementById(input.dataset.suggest);
  if (list) suggest(input, list);
}
