"""The program's long selects: written in one pass, every text escaped, the chosen kept."""

from django import forms

from vos.common.forms import PlainChoiceField, PlainTypedChoiceField


class Filters(forms.Form):
    name = PlainChoiceField(required=False)
    number = PlainTypedChoiceField(required=False, coerce=int, empty_value=None)


def _form(data=None) -> Filters:
    form = Filters(data)
    form.fields["name"].choices = [
        ("", "All"),
        ('a"b', "Terre & <Liberté>"),
        ("nul", "Odd\0name"),
    ]
    form.fields["number"].choices = [("", "All"), (7, "Seven"), (12, "Twelve")]
    return form


def test_every_value_and_label_is_escaped_even_beside_a_nul():
    html = str(_form()["name"])

    assert '<option value="a&quot;b">Terre &amp; &lt;Liberté&gt;</option>' in html
    assert '<option value="nul">Odd\0name</option>' in html
    assert "<Liberté>" not in html


def test_texts_are_escaped_when_written_in_one_pass():
    form = _form()
    form.fields["name"].choices = [("", "All"), ("x<y", "Terre & <Liberté>"), ("z", "'quoted'")]

    html = str(form["name"])

    assert '<option value="x&lt;y">Terre &amp; &lt;Liberté&gt;</option>' in html
    assert '<option value="z">&#x27;quoted&#x27;</option>' in html


def test_the_chosen_option_is_selected_and_validated():
    form = _form({"name": 'a"b', "number": "12"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"name": 'a"b', "number": 12}
    assert '<option value="12" selected>Twelve</option>' in str(form["number"])
    assert '<option value="7">Seven</option>' in str(form["number"])


def test_a_value_not_offered_is_refused():
    form = _form({"number": "99"})

    assert not form.is_valid()
    assert "number" in form.errors
