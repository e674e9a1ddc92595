"""Scale-out on Dask: analysis on worker processes, each building its analyser once (a worker
plugin), results streamed back to the corpus writer as they complete."""

from recoupe.batch.cluster import AnalyzerPlugin, DaskBackend, analyze_chunk

__all__ = ["AnalyzerPlugin", "DaskBackend", "analyze_chunk"]
