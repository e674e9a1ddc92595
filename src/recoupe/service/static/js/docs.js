// The API page, built in the browser from /openapi.json (no Swagger UI or ReDoc: nothing is
// loaded from a CDN). Every string from the schema is inserted as text. GET endpoints can be
// tried from the page.

import { h, clear } from "./dom.js";

function ref(schema) {
  if (!schema) return "—";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.type === "array") return `${ref(schema.items)}[]`;
  if (schema.anyOf) return schema.anyOf.map(ref).join(" | ");
  if (schema.enum) return schema.enum.map((x) => JSON.stringify(x)).join(" | ");
  if (schema.type === "object" && schema.additionalProperties) return `{string: ${ref(schema.additionalProperties)}}`;
  return schema.type || "any";
}

function schemaLink(schema) {
  const name = ref(schema);
  const plain = name.replace(/\[\]$/, "");
  return /^[A-Z]/.test(plain) ? h("a", { href: `#schema-${plain}` }, name) : name;
}

function paramsTable(params) {
  if (!params || !params.length) return null;
  return h("table", {}, h("thead", {}, h("tr", {}, ["name", "in", "type", "required", "description"].map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, params.map((p) => h("tr", {}, h("th", { scope: "row", class: "path" }, p.name), h("td", {}, p.in),
      h("td", {}, ref(p.schema)), h("td", {}, p.required ? "yes" : "no"), h("td", {}, p.description || (p.schema && p.schema.description) || "")))));
}

function tryIt(path, op) {
  const params = op.parameters || [];
  const form = h("form", { class: "try" });
  const inputs = params.map((p) => {
    const id = `try-${path}-${p.name}`.replace(/[^a-zA-Z0-9_-]/g, "_");
    const input = h("input", { id, name: p.name, required: p.required || undefined });
    form.append(h("div", { class: "field" }, h("label", { for: id }, `${p.name} (${p.in})`), input));
    return [p, input];
  });
  const out = h("pre", { class: "try-out", "aria-live": "polite" });
  form.append(h("button", { type: "submit" }, "Try it"));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    let url = path;
    const query = new URLSearchParams();
    for (const [p, input] of inputs) {
      if (!input.value) continue;
      if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(input.value));
      else if (p.in === "query") query.append(p.name, input.value);
    }
    const response = await fetch(url + (query.size ? `?${query}` : ""), { headers: { Accept: "application/json" } });
    const text = await response.text();
    let shown = text;
    try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON */ }
    out.textContent = `${response.status} ${response.statusText}\n${shown.slice(0, 20000)}`;
  });
  return [form, out];
}

function operation(path, method, op) {
  const id = `op-${method}-${path}`.replace(/[^a-zA-Z0-9_-]/g, "_");
  const body = op.requestBody && op.requestBody.content;
  const responses = Object.entries(op.responses || {});
  return h("details", { class: "op", id },
    h("summary", {}, h("span", { class: ["method", `m-${method}`] }, method.toUpperCase()), h("span", { class: "path" }, path), h("span", {}, op.summary || "")),
    op.description ? h("p", { class: "description" }, op.description) : null,
    paramsTable(op.parameters),
    body ? h("p", {}, "Request body: ", Object.entries(body).map(([type, c]) => h("span", {}, h("code", {}, type), " ", schemaLink(c.schema), " "))) : null,
    h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "status"), h("th", { scope: "col" }, "meaning"), h("th", { scope: "col" }, "body"))),
      h("tbody", {}, responses.map(([code, r]) => h("tr", {}, h("th", { scope: "row" }, code), h("td", {}, r.description || ""),
        h("td", {}, Object.entries(r.content || {}).map(([type, c]) => h("span", {}, h("code", {}, type), " ", c.schema ? schemaLink(c.schema) : "", " "))))))),
    method === "get" ? tryIt(path, op) : null);
}

function schemas(components) {
  const box = document.getElementById("schemas");
  for (const [name, s] of Object.entries((components && components.schemas) || {})) {
    const required = new Set(s.required || []);
    box.append(h("details", { class: "op", id: `schema-${name}` },
      h("summary", {}, h("span", { class: "schema-name" }, name)),
      s.description ? h("p", { class: "description" }, s.description) : null,
      s.properties ? h("table", {}, h("thead", {}, h("tr", {}, ["field", "type", "required", "description"].map((x) => h("th", { scope: "col" }, x)))),
        h("tbody", {}, Object.entries(s.properties).map(([field, p]) => h("tr", {}, h("th", { scope: "row", class: "path" }, field),
          h("td", {}, schemaLink(p)), h("td", {}, required.has(field) ? "yes" : "no"), h("td", {}, p.description || "")))))
        : h("p", {}, ref(s))));
  }
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  document.getElementById("api-title").textContent = `${spec.info.title} ${spec.info.version}`;
  document.getElementById("api-description").textContent = spec.info.description || "";
  const byTag = new Map();
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = (op.tags && op.tags[0]) || "other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push([path, method, op]);
    }
  }
  const toc = h("ul", {});
  const box = document.getElementById("endpoints");
  for (const [tag, ops] of byTag) {
    box.append(h("h2", { id: `tag-${tag}` }, tag));
    for (const [path, method, op] of ops) {
      const el = operation(path, method, op);
      box.append(el);
      toc.append(h("li", {}, h("a", { href: `#${el.id}` }, `${method.toUpperCase()} ${path}`)));
    }
  }
  document.getElementById("toc").append(toc);
  schemas(spec.components);
}

main();
