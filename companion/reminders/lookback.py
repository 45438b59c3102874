"""The weekly look-back's chart: a small PNG bar chart of the feelings named during the week (matplotlib, Agg)."""

from __future__ import annotations

import io


class MatplotlibCharts:
    """The engine's ``Charts`` port drawn with matplotlib (imported on first use: it is heavy)."""

    def emotions_chart(self, counts: list[tuple[str, int]], title: str) -> bytes:
        """Horizontal bars, most named feeling on top."""
        import matplotlib

        matplotlib.use("Agg")  # no display: render to memory only
        from matplotlib.figure import Figure

        labels = [label for label, _ in counts][::-1]
        values = [n for _, n in counts][::-1]
        figure = Figure(figsize=(6, 0.5 + 0.45 * max(len(counts), 1)), dpi=100)
        axes = figure.subplots()
        axes.barh(labels, values, color="#6aa58e")
        axes.set_title(title)
        axes.xaxis.get_major_locator().set_params(integer=True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
