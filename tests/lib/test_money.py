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
    assert money(None, top_coded=True, compact=True) == "not released"
