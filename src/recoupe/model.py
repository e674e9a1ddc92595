"""The report models: the JSON contract every interface (CLI, Python, later REST) returns.

Offsets are character offsets into ``Analysis.body`` unless a finding says ``in: "furniture"``,
in which case they index into ``Analysis.furniture[furniture_index].text``.
Every finding names its ``producer`` (``rule:...`` or ``model:name@version``) so a reader can
see why it is there.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Where = Literal["body", "furniture"]


class Span(BaseModel):
    """A verbatim piece of text and where it sits."""

    model_config = ConfigDict(populate_by_name=True)

    text: str
    start: int
    end: int
    in_: Where = Field("body", alias="in", description="'body' or 'furniture'")
    furniture_index: int | None = Field(
        None, description="Index into Analysis.furniture when in == 'furniture'"
    )


class Finding(Span):
    """A span plus why it was reported."""

    producer: str = Field(description="Rule or model that produced this finding")
    confidence: float | None = Field(None, ge=0.0, le=1.0)


class BodySegment(BaseModel):
    """Maps ``body[start:end]`` back to ``source[source_start:source_start + (end - start)]``."""

    start: int
    end: int
    source_start: int


class Furniture(BaseModel):
    """Page furniture: reported, never silently dropped."""

    index: int
    kind: Literal[
        "title_duplicate",
        "related_link",
        "share_prompt",
        "comment_form",
        "comment",
        "newsletter",
        "photo_credit",
        "image_slug",
        "video_teaser",
        "provenance",
        "navigation",
        "advertisement",
        "byline",
        "dateline",
        "other",
    ]
    text: str
    source_start: int = Field(description="Offset of the line in the source text")
    source_end: int
    producer: str
    confidence: float | None = Field(None, ge=0.0, le=1.0)


class Role(Finding):
    """A role attached to an entity by apposition or a title (``PDG de Facebook``)."""

    kind: str = "role"


class Mention(Finding):
    label: str


class Entity(BaseModel):
    """One real-world person, organisation or place, resolved within the article."""

    canonical: str
    label: Literal["PER", "ORG", "LOC", "MISC"]
    mentions: list[Mention]
    roles: list[Role] = []


class Rating(BaseModel):
    """What one rating list says about one outlet; lists are shown side by side."""

    list: str = Field(description="Rating list id, e.g. 'decodex', 'mbfc'")
    domain: str
    label: str | None = Field(None, description="The list's own label, in its native scale")
    native: str | float | None = None
    score: float | None = Field(None, ge=0.0, le=1.0, description="Normalised reliability 0-1")
    date: str | None = None
    note: str | None = None


class Publisher(BaseModel):
    name: str | None = None
    domain: str | None = None
    url: str | None = None
    producer: str | None = None
    ratings: list[Rating] = []


class Quote(BaseModel):
    kind: Literal["direct", "indirect", "according_to"]
    cue: Span | None
    content: Span
    speaker: Span | None
    speaker_canonical: str | None = None
    speaker_role: str | None = None
    speaker_evidence: Span | None = Field(
        None, description="The mention that resolved speaker_canonical when the speaker phrase does not name it "
                          "(the antecedent of a pronoun, the named holder of a role, the outlet a description stands for)")
    producer: str
    confidence: float | None = Field(None, ge=0.0, le=1.0)


class Hedge(Finding):
    kind: Literal[
        "conditional", "speculation", "uncertainty", "disputed", "declined_comment", "attributed"
    ]
    sentence: Span | None = None


class Irony(Finding):
    evidence: list[Span] = []


class Quantity(BaseModel):
    text: str
    start: int
    end: int
    kind: Literal["money", "quantity", "percent", "date", "year", "ordinal", "duration"]
    value: float | None = None
    unit: str | None = None
    currency: str | None = None
    date: str | None = Field(None, description="ISO 8601 (possibly partial: 2016 or 2016-12)")


class Claim(Finding):
    score: float = Field(ge=0.0, le=1.0, description="Check-worthiness")
    status: Literal[
        "asserted", "attributed", "conditional", "speculative", "uncertain", "disputed"
    ] = "asserted"
    attributed_to: str | None = None
    quantities: list[Quantity] = []
    entities: list[str] = []


class Relation(BaseModel):
    """A typed relation between two entities of the article (``Mark Zuckerberg advises Pete
    Buttigieg``), with the text that says so and how sure that text is."""

    subject: str = Field(description="Canonical name of the subject entity")
    subject_label: Literal["PER", "ORG", "LOC", "MISC"] | None = None
    predicate: str = Field(description="advises, works_for, worked_at, spouse_of, spokesperson_of, called, ...")
    object: str
    object_label: Literal["PER", "ORG", "LOC", "MISC"] | None = None
    evidence: Span
    sentence: Span
    status: Literal["asserted", "reported", "conditional", "disputed"] = "asserted"
    attributed_to: str | None = None
    producer: str


class ChainLink(BaseModel):
    name: str
    domain: str | None = None
    role: Literal["origin", "relay", "translator", "publisher", "cited"]
    evidence: Span
    producer: str
    ratings: list[Rating] = []


class GenreFeature(BaseModel):
    """One block of the genre model's input and how far it moved the score towards the label
    (its contribution to the log-odds margin over the runner-up). ``value`` is the count itself
    for style features; content blocks (sentence vectors) have none."""

    name: str
    value: float | None = None
    contribution: float


class Genre(BaseModel):
    """``label`` is the most probable genre, except that ``satire`` must also reach
    ``satire_threshold``: calling a report satire discredits it, so the label needs strong
    evidence (otherwise the more probable of reporting and opinion is the label)."""

    label: Literal["reporting", "opinion", "satire"]
    probabilities: dict[str, float]
    satire_threshold: float | None = None
    evidence: list[Finding] = []
    features: list[GenreFeature] = []
    producer: str


class Persuasion(BaseModel):
    """A technique found in a paragraph: ``text``/``start``/``end`` are the paragraph (the unit
    the model reads); ``trigger`` is the phrase or clause inside it that most likely carries it.

    Every technique scoring above the model's listing threshold is kept with its ``score``;
    ``shown`` is true only when the score reaches ``threshold``, the technique's own threshold
    chosen out-of-fold for precision (None: the technique never reached the precision target, so
    it is never shown). Reports, the UI and credibility signals read only shown findings."""

    technique: str
    text: str
    start: int
    end: int
    score: float = Field(ge=0.0, le=1.0)
    producer: str
    trigger: Finding | None = None
    shown: bool = True
    threshold: float | None = None


class Signal(BaseModel):
    name: str
    value: float | str | bool | None
    weight: float
    contribution: float | None = None
    explanation: str
    evidence: list[Span] = []


class Credibility(BaseModel):
    grade: str
    score: float | None = Field(None, ge=0.0, le=1.0)
    reasons: list[str] = []
    unknowns: list[str] = []


class Stamps(BaseModel):
    """What produced a report: enough to tell whether two reports are comparable, and whether a
    stored one is stale. Same input and same stamps give byte-identical JSON."""

    recoupe: str = Field(description="recoupe version")
    schema_version: str = SCHEMA_VERSION
    components: dict[str, str] = Field(
        default_factory=dict, description="Each pipeline, component and model with its version or digest")
    resources: str | None = Field(None, description="Digest of the lexicons and models shipped in the package")
    config_digest: str = Field(description="Digest of the analyzer configuration (options that change findings)")
    ratings_id: str | None = Field(None, description="Ratings snapshot the judgement used; None = findings only")
    assess_config_digest: str | None = Field(None, description="Digest of the credibility configuration")


class Judgement(BaseModel):
    """What the rating lists and the scoring configuration make of one article's findings.

    Produced by ``recoupe.assess.assess(findings, ratings, config)``, a pure function; the
    findings are never changed. ``apply`` returns the full report."""

    ratings_id: str
    config_digest: str
    publisher: "Publisher"
    source_chain: list["ChainLink"] = []
    signals: list["Signal"] = []
    credibility: "Credibility"

    def apply(self, findings: "Analysis") -> "Analysis":
        """A new report: the findings with this judgement's ratings, signals and grade."""
        stamps = findings.stamps.model_copy(update={"ratings_id": self.ratings_id,
                                                    "assess_config_digest": self.config_digest}) \
            if findings.stamps is not None else None
        return findings.model_copy(update={
            "publisher": self.publisher, "source_chain": self.source_chain, "signals": self.signals,
            "credibility": self.credibility, "stamps": stamps,
        })


class ParagraphLanguage(BaseModel):
    start: int
    end: int
    language: str
    confidence: float


class Analysis(BaseModel):
    """Everything recoupe found in one article."""

    schema_version: str = SCHEMA_VERSION
    source: str | None = Field(None, description="Path or URL the document came from")
    url: str | None = None
    title: str | None = None
    language: str = Field(description="ISO 639-1 code, or 'und' when unsure")
    language_confidence: float | None = None
    paragraph_languages: list[ParagraphLanguage] = []
    publisher: Publisher = Publisher()
    authors: list[str] = []
    date: str | None = None
    description: str | None = None
    body: str
    body_map: list[BodySegment] = []
    furniture: list[Furniture] = []
    entities: list[Entity] = []
    quotes: list[Quote] = []
    hedges: list[Hedge] = []
    irony: list[Irony] = []
    claims: list[Claim] = []
    relations: list[Relation] = []
    source_chain: list[ChainLink] = []
    genre: Genre | None = None
    persuasion: list[Persuasion] = []
    signals: list[Signal] = []
    credibility: Credibility | None = None
    warnings: list[str] = []
    stamps: Stamps | None = None

    def to_json(self, **kw) -> str:
        return self.model_dump_json(by_alias=True, **kw)

    def findings(self) -> "Analysis":
        """This report without its judgement: no ratings, signals or grade (what a store keeps
        once, to re-judge with any ratings snapshot)."""
        publisher = self.publisher.model_copy(update={"ratings": []})
        chain = [link.model_copy(update={"ratings": []}) for link in self.source_chain]
        stamps = self.stamps.model_copy(update={"ratings_id": None, "assess_config_digest": None}) \
            if self.stamps is not None else None
        return self.model_copy(update={"publisher": publisher, "source_chain": chain, "signals": [],
                                       "credibility": None, "stamps": stamps})


Judgement.model_rebuild()
