"""Jumping to a clause address (`g`, and the command palette), in any version of the corpus.

A clause of a version not shown brings that version in; the jump then completes when its
comparison is ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planlens.errors import PlanlensError
from planlens.tui.find import find_address, normalise_address
from planlens.tui.plain import tell
from planlens.tui.screens.compare_base import CompareBase
from planlens.tui.state import in_corpus_order

if TYPE_CHECKING:
    from planlens.comparison.model import Comparison
    from planlens.tui.layout import TableLayout


class JumpActions(CompareBase):
    """Putting the cursor on a clause named by its address."""

    def __init__(self, plan_ids: tuple[str, ...]) -> None:
        super().__init__(plan_ids)
        self.pending_jump: str | None = None
        """An address to jump to once the comparison that holds it is ready."""

    def action_jump(self) -> None:
        from planlens.tui.screens.jump import JumpScreen

        corpus = self.planlens.corpus
        addresses = [plan.address(clause) for plan in corpus.plans for clause in plan.clauses]
        addresses += [
            f"{plan.plan.label}:{clause.id}"
            for plan in corpus.plans
            if plan.plan.label.casefold() != plan.id.casefold()
            for clause in plan.clauses
        ]

        def chosen(text: str | None) -> None:
            if text:
                self.jump_to(text)

        self.app.push_screen(JumpScreen(addresses, self.view.plan_ids[0]), chosen)

    def jump_to(self, text: str) -> None:
        """Put the cursor on the clause at address `text`, showing its version if need be.

        The version may be named by its id or its label (`GEN-19:p3`), in any case.
        """
        corpus = self.planlens.corpus
        address = normalise_address(text, self.view.plan_ids[0] if self.view.plan_ids else None)
        try:
            plan, clause = corpus.clause(address)
        except PlanlensError as exc:
            tell(self, str(exc)[:300], title="No such clause", severity="error")
            return
        address, plan_id = plan.address(clause), plan.id
        if plan_id not in self.view.plan_ids:
            ids = self.view.plan_ids
            shown = (ids[0], plan_id) if len(ids) <= 2 else in_corpus_order(corpus, [*ids, plan_id])
            self.pending_jump = address
            tell(self, f"Showing {plan_id} to reach {address}.")
            self.show_versions(shown)
            return
        if self.comparison is None:
            self.pending_jump = address
            return
        match = find_address(self.comparison, address)
        if match.row is None:
            tell(self, f"{address} is not in this comparison.", severity="warning")
            return
        if match.row not in self.table.shown_rows:
            tell(self, "Filters cleared to show it.")
            self.set_view(self.view.without_filters())
        self.table.move_to(self.table.shown_rows.index(match.row))
        self._show_details(self.table.cursor_row)

    def _show(self, comparison: Comparison, table_layout: TableLayout) -> None:
        super()._show(comparison, table_layout)
        if self.pending_jump is not None:
            address, self.pending_jump = self.pending_jump, None
            self.jump_to(address)
