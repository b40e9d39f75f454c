from infointerview.lib.money import money


def test_it_writes_dollars_with_thousands_separators():
    assert money(62400) == "$62,400"


def test_it_says_a_top_coded_figure_is_a_floor():
    assert money(239200, top_coded=True) == "$239,200 or more"


def test_it_marks_a_top_coded_figure_briefly_where_room_is_short():
    assert money(239200, top_coded=True, compact=True) == "$239,200+"
    assert money(62400, compact=True) == "$62,400"


def test_it_says_an_unreleased_figure_is_not_released():
    assert money(None) == "not released"


def test_a_top_coded_figure_stored_without_a_number_is_the_top_code():
    """The OEWS files give "#" where a wage is at or above the top code; no number is kept."""
    assert money(None, top_coded=True) == "$239,200 or more"
    assert money(None, top_coded=True, compact=True) == "$239,200+"
