"""Declarations: the list, a declaration's page, drafting its text in versions, comparing
and restoring versions, its drafting team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vos.common.diff import word_diff
from vos.common.locales import country_name, language_name
from vos.common.multilingual import reader_language
from vos.declaration.forms import (
    CommentForm,
    DeclarationFilterForm,
    DeclarationForm,
    DeliveryForm,
    SignatureForm,
    TeamForm,
    TranslationForm,
    TranslatorForm,
    VersionForm,
)
from vos.declaration.models import Comment, Declaration, Signature, TeamMember
from vos.declaration.queries import declarations_public
from vos.declaration.review import (
    comment_add,
    comment_reply,
    comment_resolve,
    proposal_decide,
    review_of,
    reviewer_invite,
)
from vos.declaration.services import (
    VersionConflictError,
    declaration_create,
    latest_version,
    team_add,
    team_remove,
    version_restore,
    version_save,
)
from vos.declaration.signing import signature_counts, signatures_counted, version_revise
from vos.declaration.translation import (
    is_out_of_date,
    may_translate,
    translation_save,
    translator_add,
)
from vos.network.services import organizations_administered
from vos.organization.models import Organization


def declaration_or_404(
    request: HttpRequest, pk: int, perm: str = "declaration.view"
) -> Declaration:
    declaration = get_object_or_404(Declaration, pk=pk)
    if not request.user.has_perm(perm, declaration):
        raise Http404
    return declaration


@require_GET
def declaration_list(request: HttpRequest) -> HttpResponse:
    """Every public declaration, overall or of one edition, filtered by state, kind and
    language; and the reader's own drafts."""
    form = DeclarationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    public = declarations_public(filters)
    mine = (
        Declaration.objects.filter(team__person=request.user, state=Declaration.State.DRAFTING)
        if request.user.is_authenticated
        else Declaration.objects.none()
    )
    return render(
        request,
        "declaration/list.html",
        {
            "form": form,
            "filtered": any(filters.values()),
            "declarations": list(public),
            "drafts": list(mine),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    form = DeclarationForm(
        request.POST or None, person=request.user, initial={"language": request.LANGUAGE_CODE}
    )
    if request.method == "POST" and form.is_valid():
        try:
            declaration = declaration_create(
                creator=request.user,
                data=form.data_object(),
                text=form.cleaned_data["text"],
                organization=form.cleaned_data["organization"],
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The draft is saved as version 1."))
            return redirect(declaration)
    return render(
        request, "declaration/form.html", {"form": form}, status=400 if form.is_bound else 200
    )


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = declaration_or_404(request, pk)
    version = latest_version(declaration)
    reader = reader_language()
    translated = None
    if reader != declaration.language and not request.GET.get("original"):
        translated = (
            declaration.translations.select_related("based_on").filter(language=reader).first()
        )
    may_comment = request.user.has_perm("declaration.comment", declaration) and translated is None
    parts, outdated = review_of(declaration, version) if may_comment else ([], [])
    return render(
        request,
        "declaration/detail.html",
        {
            "declaration": declaration,
            "version": version,
            "team": list(declaration.team.select_related("person", "organization")),
            "may_change": request.user.has_perm("declaration.change", declaration),
            "may_comment": may_comment,
            "paragraphs": parts,
            "outdated": outdated,
            "comment_form": CommentForm(),
            "translated": translated,
            "translation_outdated": translated is not None
            and is_out_of_date(translated, version.number),
            "original_language_name": language_name(declaration.language),
            **_signing_context(request, declaration),
        },
    )


def _signing_context(request: HttpRequest, declaration: Declaration) -> dict:
    """What the page shows of signatures: the signatories, live counts, the forms."""
    if declaration.state == Declaration.State.DRAFTING:
        return {"may_manage": request.user.has_perm("declaration.manage_team", declaration)}
    counted = signatures_counted(declaration).select_related("organization")
    organizations = [s for s in counted if s.kind == Signature.Kind.ORGANIZATION and s.is_public]
    people = [s for s in counted if s.kind == Signature.Kind.PERSON]
    counts = signature_counts(declaration)
    return {
        "may_manage": request.user.has_perm("declaration.manage_team", declaration),
        "may_void": request.user.has_perm("organization.verify"),
        "signing_organizations": organizations,
        "signing_people": people,
        "counts": counts,
        "counts_by_country": [
            (country_name(code) if code else "", n) for code, n in counts["by_country"]
        ],
        "counts_by_kind": [
            (Organization.Kind(kind).label if kind else "", n) for kind, n in counts["by_kind"]
        ],
        "sign_form": SignatureForm(initial={"show_name": True}),
        "delivery_form": DeliveryForm(),
        "sign_as": organizations_administered(request.user),
        "signed_as": set(
            declaration.signatures.filter(
                kind=Signature.Kind.ORGANIZATION, withdrawn_at__isnull=True
            ).values_list("organization_id", flat=True)
        ),
        "page_url": request.build_absolute_uri(declaration.get_absolute_url()),
    }


def _comment_of(request: HttpRequest, pk: int, comment_pk: int) -> Comment:
    declaration = declaration_or_404(request, pk, "declaration.comment")
    return get_object_or_404(Comment, pk=comment_pk, declaration=declaration)


def _review_errors(request: HttpRequest, error: ValidationError | PermissionDenied) -> None:
    if isinstance(error, PermissionDenied):
        raise Http404 from None
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = declaration_or_404(request, pk, "declaration.comment")
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment_add(
                declaration=declaration,
                author=request.user,
                paragraph=form.cleaned_data["paragraph"],
                body=form.cleaned_data["body"],
                proposal=form.cleaned_data["proposal"],
            )
        except (ValidationError, PermissionDenied) as error:
            _review_errors(request, error)
        else:
            messages.success(request, _("Your comment is saved."))
    else:
        messages.error(request, _("Write a comment or propose a text."))
    return redirect(
        f"{declaration.get_absolute_url()}#paragraph-{request.POST.get('paragraph', 0)}"
    )


@login_required
@require_POST
def reply(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    parent = _comment_of(request, pk, comment_pk)
    try:
        comment_reply(comment=parent, author=request.user, body=request.POST.get("body", ""))
    except (ValidationError, PermissionDenied) as error:
        _review_errors(request, error)
    return redirect(f"{parent.declaration.get_absolute_url()}#comment-{parent.pk}")


@login_required
@require_POST
def resolve(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    target = _comment_of(request, pk, comment_pk)
    try:
        comment_resolve(comment=target, actor=request.user)
    except PermissionDenied as error:
        _review_errors(request, error)
    return redirect(f"{target.declaration.get_absolute_url()}#comment-{target.pk}")


@login_required
@require_POST
def proposal(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    target = _comment_of(request, pk, comment_pk)
    accept = request.POST.get("decision") == "accept"
    try:
        version = proposal_decide(comment=target, actor=request.user, accept=accept)
    except (ValidationError, PermissionDenied) as error:
        _review_errors(request, error)
    else:
        if version is not None:
            messages.success(
                request, _("Saved as version %(number)s.") % {"number": version.number}
            )
        else:
            messages.success(request, _("Declined."))
    return redirect(target.declaration)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = declaration_or_404(request, pk, "declaration.manage_team")
    if declaration.state not in (Declaration.State.DRAFTING, Declaration.State.OPEN):
        raise Http404
    latest = latest_version(declaration)
    form = VersionForm(
        request.POST or None, initial={"text": latest.text, "based_on": latest.number}
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            save = version_revise if declaration.state == Declaration.State.OPEN else version_save
            version = save(
                declaration=declaration,
                author=request.user,
                text=form.cleaned_data["text"],
                note=form.cleaned_data["note"],
                based_on=form.cleaned_data["based_on"],
            )
        except VersionConflictError as error:
            conflict = error.latest
            left, right, _count = word_diff(conflict.text, form.cleaned_data["text"])
            conflict.diff = (left, right)
            form.add_error(None, error.messages[0])
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request, _("Saved as version %(number)s.") % {"number": version.number}
            )
            return redirect(declaration)
    return render(
        request,
        "declaration/edit.html",
        {"declaration": declaration, "form": form, "latest": latest, "conflict": conflict},
        status=409 if conflict else (400 if form.is_bound else 200),
    )


@require_GET
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = declaration_or_404(request, pk)
    return render(
        request,
        "declaration/versions.html",
        {
            "declaration": declaration,
            "versions": list(declaration.versions.select_related("author").order_by("-number")),
            "may_change": request.user.has_perm("declaration.change", declaration),
        },
    )


@require_GET
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = declaration_or_404(request, pk)
    by_number = {v.number: v for v in declaration.versions.select_related("author")}
    try:
        older = by_number[int(request.GET.get("from", 0))]
        newer = by_number[int(request.GET.get("to", 0))]
    except (KeyError, ValueError):
        raise Http404 from None
    left, right, changes = word_diff(older.text, newer.text)
    return render(
        request,
        "declaration/compare.html",
        {
            "declaration": declaration,
            "older": older,
            "newer": newer,
            "left": left,
            "right": right,
            "changes": changes,
        },
    )


@login_required
@require_POST
def restore(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    declaration = declaration_or_404(request, pk, "declaration.change")
    try:
        version = version_restore(declaration=declaration, author=request.user, number=number)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Saved as version %(number)s.") % {"number": version.number})
    return redirect("declaration.versions", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def team(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = declaration_or_404(request, pk, "declaration.manage_team")
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        as_reviewer = request.POST.get("as") == "reviewer"
        try:
            if as_reviewer:
                reviewer_invite(
                    declaration=declaration, actor=request.user, email=form.cleaned_data["email"]
                )
            else:
                team_add(
                    declaration=declaration, actor=request.user, email=form.cleaned_data["email"]
                )
        except ValidationError as error:
            form.add_error("email", error.message_dict.get("email", error.messages))
        else:
            messages.success(
                request,
                _("Invited to review.") if as_reviewer else _("Added to the drafting team."),
            )
            return redirect("declaration.team", pk=pk)
    return render(
        request,
        "declaration/team.html",
        {
            "declaration": declaration,
            "form": form,
            "team": list(declaration.team.select_related("person", "organization")),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def team_leave(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    declaration = declaration_or_404(request, pk, "declaration.manage_team")
    member = get_object_or_404(TeamMember, pk=member_pk, declaration=declaration)
    try:
        team_remove(declaration=declaration, actor=request.user, member=member)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Removed."))
    return (
        redirect("declaration.team", pk=pk)
        if request.user.has_perm("declaration.manage_team", declaration)
        else redirect(declaration)
    )


@require_http_methods(["GET", "POST"])
def translations(request: HttpRequest, pk: int) -> HttpResponse:
    """The language versions and their state; the team names translators here."""
    declaration = declaration_or_404(request, pk)
    latest = latest_version(declaration)
    form = TranslatorForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("declaration.manage_team", declaration):
            raise Http404
        if form.is_valid():
            try:
                translator_add(
                    declaration=declaration,
                    actor=request.user,
                    email=form.cleaned_data["email"],
                    language=form.cleaned_data["language"],
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("Translator named."))
                return redirect("declaration.translations", pk=pk)
    rows = [
        (
            translation,
            is_out_of_date(translation, latest.number),
            language_name(translation.language),
        )
        for translation in declaration.translations.select_related("based_on", "translator")
    ]
    mine = (
        list(declaration.translators.filter(person=request.user).values_list("language", flat=True))
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "declaration/translations.html",
        {
            "declaration": declaration,
            "rows": rows,
            "form": form,
            "may_manage": request.user.has_perm("declaration.manage_team", declaration),
            "my_languages": [(code, language_name(code)) for code in mine],
            "translators": list(declaration.translators.select_related("person")),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def translate(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    declaration = declaration_or_404(request, pk)
    if not may_translate(request.user, declaration, language):
        raise Http404
    latest = latest_version(declaration)
    existing = declaration.translations.filter(language=language).first()
    form = TranslationForm(
        request.POST or None,
        initial={"title": existing.title, "text": existing.text} if existing else {},
    )
    if request.method == "POST" and form.is_valid():
        try:
            translation_save(
                declaration=declaration,
                translator=request.user,
                language=language,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("The translation is saved."))
            return redirect("declaration.translations", pk=pk)
    return render(
        request,
        "declaration/translate.html",
        {
            "declaration": declaration,
            "latest": latest,
            "form": form,
            "language": language,
            "language_label": language_name(language),
            "existing": existing,
            "outdated": existing is not None and is_out_of_date(existing, latest.number),
        },
        status=400 if form.is_bound and form.errors else 200,
    )
