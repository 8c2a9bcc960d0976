"""The compare view's search: `/` searches every version and jumps to the hit chosen.

The query stays the view's search text afterwards, so its matches are highlighted in the rows
shown and `n`/`N` step through them; escape clears it. A hit in a version not on screen brings
that version in, as `g` does (`JumpActions.jump_to`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planlens.tui.screens.compare_jump import JumpActions

if TYPE_CHECKING:
    from planlens.comparison.search import SearchIndex
    from planlens.corpus.load import Corpus
    from planlens.tui.screens.corpus_search import SearchChoice


class SearchActions(JumpActions):
    """Searching the corpus from the compare view, and the search text's hits on screen."""

    _search_index: tuple[Corpus, SearchIndex] | None = None

    def action_search(self) -> None:
        from planlens.comparison.search import SearchIndex
        from planlens.tui.screens.corpus_search import CorpusSearchScreen

        corpus = self.planlens.corpus
        if self._search_index is None or self._search_index[0] is not corpus:
            self._search_index = (corpus, SearchIndex(corpus))  # built again if plans reload

        def chosen(choice: SearchChoice | None) -> None:
            if choice is not None:
                self.go_to_hit(choice)

        screen = CorpusSearchScreen(self._search_index[1], self.view.plan_ids, self.search)
        self.app.push_screen(screen, chosen)

    def go_to_hit(self, choice: SearchChoice) -> None:
        """Keep the query as the search text and put the cursor on the hit's clause."""
        self.search = choice.query
        self._update_search()
        self._update_status()
        self.jump_to(choice.hit.clause)

    def action_clear_search(self) -> None:
        self.search = ""
        self._update_search()
        self._update_status()
