"""The REST API (``/v1``, OpenAPI at ``/openapi.json``, docs at ``/docs``) and the web UI."""

from recoupe.service.app import create_app
from recoupe.service.settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]
