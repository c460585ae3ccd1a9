"""The ZRM history as a small chart: one line per life domain over the moments, drawn as our own SVG.

Only coordinates are computed here; ``cases/plans/_zrm_chart.html`` draws them with classes from
work.css (no library, no inline style). The table beside the chart holds the same figures, so the
chart is an image with a title and a description for screen readers (ADR 0015).
"""

from dataclasses import dataclass, field

LABEL_WIDTH = 200  # the domain names, left
PLOT_WIDTH = 170
END_WIDTH = 30  # the latest level, right of each line
ROW_HEIGHT = 26
TOP = 22  # room for the dates of the first and the last moment
LEVEL_STEP = 4  # pixels per level within a row (1 at the bottom, 5 at the top)


@dataclass
class ChartRow:
    label: str
    y: int  # baseline of the row's text
    points: str = ""  # the polyline
    dots: list = field(default_factory=list)  # (x, y)
    latest: int | None = None
    trend: str = "same"  # up, down, same: the latest level against the first


@dataclass
class Chart:
    width: int
    height: int
    plot_start: int
    plot_end: int
    first_date: object = None
    last_date: object = None
    moments: int = 0
    rows: list = field(default_factory=list)


def _x(index: int, count: int) -> int:
    start = LABEL_WIDTH
    if count <= 1:
        return start + PLOT_WIDTH // 2
    return start + round(index * PLOT_WIDTH / (count - 1))


def _y(row_top: int, level: int) -> int:
    return row_top + ROW_HEIGHT - 6 - (level - 1) * LEVEL_STEP


def zrm_chart(history) -> Chart | None:
    """Coordinates for the chart of an ``AssessmentHistory`` (None without any moment)."""
    moments = history.moments
    if not moments:
        return None
    chart = Chart(
        width=LABEL_WIDTH + PLOT_WIDTH + END_WIDTH,
        height=TOP + ROW_HEIGHT * len(history.rows),
        plot_start=LABEL_WIDTH,
        plot_end=LABEL_WIDTH + PLOT_WIDTH,
        first_date=moments[0].assessed_at,
        last_date=moments[-1].assessed_at,
        moments=len(moments),
    )
    for index, row in enumerate(history.rows):
        top = TOP + index * ROW_HEIGHT
        line = ChartRow(label=str(row.label), y=top + ROW_HEIGHT - 8)
        levels = [(i, cell.level) for i, cell in enumerate(row.cells) if cell.level is not None]
        line.dots = [(_x(i, len(moments)), _y(top, level)) for i, level in levels]
        line.points = " ".join(f"{x},{y}" for x, y in line.dots)
        if levels:
            first, last = levels[0][1], levels[-1][1]
            line.latest = last
            line.trend = "up" if last > first else "down" if last < first else "same"
        chart.rows.append(line)
    return chart
