// Calls to the /v1 API. Errors are RFC 9457 problem documents; they become ApiError with the
// problem's title and detail, shown to the user as they are (as text).

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

function token() {
  return sessionStorage.getItem("recoupe-token") || "";
}

export function setToken(value) {
  if (value) sessionStorage.setItem("recoupe-token", value);
  else sessionStorage.removeItem("recoupe-token");
}

async function request(method, path, body, isForm = false) {
  const headers = { Accept: "application/json" };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  let payload;
  if (body !== undefined) {
    if (isForm) payload = body;
    else {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  const type = response.headers.get("content-type") || "";
  const data = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = typeof data === "object" && data ? data : { title: `HTTP ${response.status}`, detail: String(data).slice(0, 300) };
    throw new ApiError(problem, response.status);
  }
  return data;
}

export const api = {
  get: (path, params) => {
    const query = params ? "?" + new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)) : "";
    return request("GET", path + query);
  },
  post: (path, body) => request("POST", path, body),
  upload: (path, form) => request("POST", path, form, true),
};
