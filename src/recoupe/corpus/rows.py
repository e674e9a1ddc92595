"""A findings report flattened into the corpus tables, so findings are queried with SQL, not by
opening JSON: one row per entity (with its cross-article key) and mention, quote, hedge, claim and
normalised number, and source-chain link."""

from __future__ import annotations

from recoupe.corpus import store as t
from recoupe.corpus.keys import entity_key, fold


def finding_rows(article_id: str, findings: dict) -> list:
    """ORM objects for one article's findings (entities carry their mentions, claims their numbers)."""
    rows: list = []
    for ent in findings.get("entities", []):
        entity = t.Entity(article_id=article_id, key=entity_key(ent["label"], ent["canonical"]),
                          canonical=ent["canonical"], label=ent["label"], mention_count=len(ent.get("mentions", [])),
                          roles=[r.get("text") for r in ent.get("roles", [])])
        entity.mentions = [
            t.Mention(article_id=article_id, text=m["text"], start=m["start"], end=m["end"],
                      in_furniture=m.get("in") == "furniture")
            for m in ent.get("mentions", [])
        ]
        rows.append(entity)
    for i, q in enumerate(findings.get("quotes", [])):
        speaker = q.get("speaker_canonical") or (q.get("speaker") or {}).get("text")
        rows.append(t.Quote(article_id=article_id, position=i, kind=q["kind"], text=q["content"]["text"],
                            start=q["content"]["start"], end=q["content"]["end"], speaker=speaker,
                            speaker_key=fold(speaker)[:255] if speaker else None, speaker_role=q.get("speaker_role"),
                            cue=(q.get("cue") or {}).get("text"), producer=q["producer"]))
    for h in findings.get("hedges", []):
        rows.append(t.Hedge(article_id=article_id, kind=h["kind"], text=h["text"], start=h["start"], end=h["end"],
                            sentence=(h.get("sentence") or {}).get("text"), producer=h["producer"]))
    for i, c in enumerate(findings.get("claims", [])):
        claim = t.Claim(article_id=article_id, position=i, text=c["text"], start=c["start"], end=c["end"],
                        score=c["score"], status=c.get("status", "asserted"), attributed_to=c.get("attributed_to"),
                        entities=c.get("entities", []), producer=c["producer"])
        claim.quantities = [
            t.ClaimNumber(article_id=article_id, kind=n["kind"], text=n["text"], value=n.get("value"),
                          unit=n.get("unit"), currency=n.get("currency"), date=n.get("date"))
            for n in c.get("quantities", [])
        ]
        rows.append(claim)
    for i, link in enumerate(findings.get("source_chain", [])):
        ev = link["evidence"]
        rows.append(t.ChainLink(article_id=article_id, position=i, name=link["name"], domain=link.get("domain"),
                                role=link["role"], evidence=ev["text"], start=ev["start"], end=ev["end"],
                                producer=link["producer"]))
    return rows


def judgement_row(article_id: str, ratings_id: str, judgement: dict) -> t.Judgement:
    cred = judgement.get("credibility") or {}
    return t.Judgement(article_id=article_id, ratings_id=ratings_id, grade=cred.get("grade"),
                       score=cred.get("score"), judgement=judgement)
