"""Health and version: what a load balancer or the UI asks before anything else."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

import recoupe

router = APIRouter(prefix="/v1", tags=["service"])


class Health(BaseModel):
    status: str
    version: str
    models_loaded: bool
    pending_analyses: int
    writes_need_token: bool
    corpus: bool


@router.get("/health", response_model=Health, summary="Is the server up, are the models loaded")
def health(request: Request) -> Health:
    state = request.app.state
    return Health(status="ok", version=recoupe.__version__, models_loaded=state.engine.ready.is_set(),
                  pending_analyses=state.engine.pending, writes_need_token=not state.settings.writes_open,
                  corpus=getattr(state, "corpus", None) is not None)
