"""`json_document` writes what `json.dumps(indent=2, ensure_ascii=False)` writes, made safe."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from planlens.commands.align import matrix_json
from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.safe import json_document, json_text
from tests.conftest import BUNDLED

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(min_value=-1, max_value=1).map(lambda x: round(x, 4))  # as Link scores are
    | st.text()
)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(_DOCUMENTS)
def test_it_is_the_text_json_dumps_writes(data: object) -> None:
    expected = json_text(json.dumps(data, indent=2, ensure_ascii=False))
    assert json_document(data) == expected


def test_the_align_matrix_of_every_bundled_version_is_the_same_text() -> None:
    corpus = load_corpus([BUNDLED])
    data = matrix_json(compare(corpus))
    assert json_document(data) == json_text(json.dumps(data, indent=2, ensure_ascii=False))


def test_terminal_controls_stay_escaped() -> None:
    document = json_document({"title": "a\x1b[31mred\u202e\x7f"})
    assert "\x1b" not in document and "\u202e" not in document and "\x7f" not in document
    assert json.loads(document) == {"title": "a\x1b[31mred\u202e\x7f"}
