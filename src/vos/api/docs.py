"""The API's reference as a page of the site: the header, the reader's language, our
styles, and nothing that fails an accessibility check (the stock Swagger UI nests
buttons in links and misses the page's language). Read from the same OpenAPI document
the code generates, so it cannot drift from the API; tools take that document at
``/api/v1/schema``."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

METHODS = ("get", "post", "put", "patch", "delete")


def _name_of(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_label(schema: dict) -> str:
    """A schema's type as a reader says it: "integer", "array of ActivityOut", "string
    or null"."""
    if "$ref" in schema:
        return _name_of(schema["$ref"])
    for combined in ("anyOf", "oneOf"):
        if combined in schema:
            return " or ".join(type_label(part) for part in schema[combined])
    kind = schema.get("type", "object")
    if kind == "array":
        return f"array of {type_label(schema.get('items', {}))}"
    if schema.get("format"):
        return f"{kind} ({schema['format']})"
    if schema.get("enum"):
        return f"{kind}: {', '.join(str(value) for value in schema['enum'])}"
    return "null" if kind == "null" else kind


def _fields(schema: dict, components: dict) -> list[dict]:
    if "$ref" in schema:
        schema = components.get(_name_of(schema["$ref"]), {})
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "type": type_label(field),
            "required": name in required,
            "description": field.get("description", ""),
        }
        for name, field in schema.get("properties", {}).items()
    ]


def _operation(path: str, method: str, operation: dict, components: dict) -> dict:
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    return {
        "id": operation["operationId"],
        "method": method.upper(),
        "path": path,
        "summary": operation.get("summary", ""),
        "description": operation.get("description", ""),
        "needs_token": bool(operation.get("security")),
        "parameters": [
            {
                "name": parameter["name"],
                "where": parameter["in"],
                "type": type_label(parameter.get("schema", {})),
                "required": parameter.get("required", False),
                "default": parameter.get("schema", {}).get("default"),
                "description": parameter.get("description", ""),
            }
            for parameter in operation.get("parameters", [])
        ],
        "body": _fields(body["schema"], components) if body else [],
        "body_type": type_label(body["schema"]) if body else "",
        "responses": [
            {
                "code": code,
                "description": response.get("description", ""),
                "type": type_label(
                    response.get("content", {}).get("application/json", {}).get("schema", {})
                )
                if response.get("content")
                else "",
            }
            for code, response in operation.get("responses", {}).items()
        ],
    }


def reference(schema: dict[str, Any]) -> list[dict]:
    """The operations of an OpenAPI document grouped by tag, in the document's order."""
    components = schema.get("components", {}).get("schemas", {})
    groups: dict[str, list[dict]] = {}
    for path, operations in schema.get("paths", {}).items():
        for method in METHODS:
            if method in operations:
                operation = operations[method]
                tag = (operation.get("tags") or ["api"])[0]
                groups.setdefault(tag, []).append(_operation(path, method, operation, components))
    return [{"name": name, "operations": operations} for name, operations in groups.items()]


class SiteDocs(DocsBase):
    def render_page(self, request: HttpRequest, api, **kwargs: Any) -> HttpResponse:
        schema = api.get_openapi_schema(path_params=kwargs)
        return render(
            request,
            "api/docs.html",
            {
                "info": schema["info"],
                "groups": reference(schema),
                "schema_url": self.get_openapi_url(api, kwargs),
            },
        )
