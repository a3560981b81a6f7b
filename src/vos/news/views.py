"""News and pages for readers, and the team's desk for writing them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vos.common.forms import errors_onto
from vos.common.images import picture_response
from vos.common.locales import language_name
from vos.common.multilingual import reader_language
from vos.news import services
from vos.news.forms import (
    PAGE_KINDS,
    ArticleForm,
    PageForm,
    PagePictureForm,
    SubjectForm,
    SubjectNamesForm,
)
from vos.news.models import Article, Page, PagePicture, Subject

PER_PAGE = 20


def articles(request: HttpRequest, subject: str = "") -> HttpResponse:
    found = get_object_or_404(Subject, slug=subject) if subject else None
    written_in = request.GET.get("language", "")
    if written_in and language_name(written_in) == written_in:
        written_in = ""  # not a language: the list as if none was asked
    shown = services.for_readers(language=reader_language(), subject=found, written_in=written_in)
    page = Paginator(shown, PER_PAGE).get_page(request.GET.get("page"))
    services.with_subjects(page.object_list)
    return render(
        request,
        "news/articles.html",
        {
            "page": page,
            "subject": found,
            "written_in": written_in,
            "subjects": Subject.objects.all(),
            "may_write": services.may_write(request.user),
        },
    )


def article(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(
        Article.objects.select_related("original__edition", "edition"), slug=slug
    )
    may_edit = request.user.is_authenticated and services.may_edit(request.user, found)
    if not found.is_published and not may_edit:
        raise Http404
    group = found.original or found
    services.with_subjects([found])
    return render(
        request,
        "news/article.html",
        {
            "article": found,
            "group": group,
            "authors": group.authors.all(),
            "versions": services.versions_of(found, readers=not may_edit),
            "others": services.with_subjects(
                services.others_on_the_same_subjects(found, language=reader_language())
            ),
            "may_edit": may_edit,
            "picture_url": request.build_absolute_uri(
                reverse("news.picture_file", args=[group.picture_name])
            )
            if group.picture
            else "",
        },
    )


def picture(request: HttpRequest, name: str) -> FileResponse:
    return picture_response(request, "articles", name)


def page_picture(request: HttpRequest, name: str) -> FileResponse:
    return picture_response(request, "pages", name)


def page(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in PAGE_KINDS:
        raise Http404
    found = services.page_of(kind)
    return render(
        request,
        "news/page.html",
        {
            "page": found,
            "kind_label": Page.Kind(kind).label,
            "kind": kind,
            "may_write": services.may_write(request.user),
        },
    )


# The team's desk


def _writer(request: HttpRequest) -> None:
    if not services.may_write(request.user):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def desk(request: HttpRequest) -> HttpResponse:
    """Every article, drafts first, and the subjects."""
    _writer(request)
    form = SubjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.subject_save(
                by=request.user, name=form.cleaned_data["name"], language=reader_language()
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The subject is added."))
            return redirect("news.desk")
    everything = Article.objects.select_related("original").order_by("published_at", "-created_at")
    return render(
        request,
        "news/desk.html",
        {"articles": everything, "subjects": Subject.objects.all(), "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def subject_names(request: HttpRequest, slug: str) -> HttpResponse:
    """A subject's name in each language of the site."""
    _writer(request)
    found = get_object_or_404(Subject, slug=slug)
    form = SubjectNamesForm(request.POST or None, subject=found)
    if request.method == "POST" and form.is_valid():
        try:
            services.subject_rename(by=request.user, subject=found, names=form.names())
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The subject's names are saved."))
            return redirect("news.desk")
    return render(
        request,
        "news/subject_names.html",
        {"form": form, "subject": found},
        status=400 if form.is_bound else 200,
    )


def _initial(found: Article | None) -> dict:
    if found is None:
        return {"language": reader_language()}
    return {
        "title": found.title,
        "summary": found.summary,
        "body": found.body,
        "language": found.language,
        "subjects": list(found.subjects.all()),
        "edition": found.edition_id,
        "authors": ", ".join(found.authors.values_list("email", flat=True)),
        "picture_alt": found.picture_alt,
    }


@login_required
@require_http_methods(["GET", "POST"])
def write(request: HttpRequest, slug: str = "", original: str = "") -> HttpResponse:
    """Write a new article (no slug), a version of ``original``, or correct one."""
    found = get_object_or_404(Article, slug=slug) if slug else None
    source = get_object_or_404(Article, slug=original) if original else None
    if found is None and source is None:
        _writer(request)
    elif not services.may_edit(request.user, found or source):
        raise Http404
    version = bool(source) or bool(found and found.original_id)
    if request.method == "POST" and found and request.POST.get("action") in {"publish", "withdraw"}:
        try:
            services.article_publish(
                article=found, by=request.user, publish=request.POST["action"] == "publish"
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The article is published.")
                if found.is_published
                else _("The article is withdrawn; readers no longer see it."),
            )
        return redirect("news.write", slug=found.slug)
    form = ArticleForm(
        request.POST or None,
        request.FILES or None,
        initial=_initial(found),
        version=version,
        writes_authors=services.may_write(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            authors = services.authors_from_emails(data.get("authors", ""))
            saved = services.article_save(
                by=request.user,
                article=found,
                original=source,
                title=data["title"],
                summary=data["summary"],
                body=data["body"],
                language=data["language"],
                subjects=data.get("subjects") or [],
                edition=data.get("edition"),
                authors=authors,
                picture=data.get("picture"),
                picture_alt=data.get("picture_alt", ""),
                picture_remove=data.get("picture_remove", False),
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The article is saved."))
            return redirect("news.write", slug=saved.slug)
    return render(
        request,
        "news/write.html",
        {
            "form": form,
            "article": found,
            "source": source,
            "versions": services.versions_of(found, readers=False) if found else [],
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, kind: str) -> HttpResponse:
    _writer(request)
    if kind not in PAGE_KINDS:
        raise Http404
    found = services.page_of(kind)
    language = request.POST.get("language") or request.GET.get("language") or reader_language()
    shown = found.shown_in(language) if found else None
    has_text = shown is not None and (shown.language == language)
    initial = {
        "language": language,
        "title": shown.title if has_text else "",
        "body": shown.body if has_text else "",
    }
    form = PageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.page_save(by=request.user, kind=kind, **form.cleaned_data)
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The page is saved."))
            return redirect("news.page", kind=kind)
    return render(
        request,
        "news/page_edit.html",
        {
            "form": form,
            "kind": kind,
            "kind_label": Page.Kind(kind).label,
            "page": found,
            "picture_form": PagePictureForm(),
            "pictures": PagePicture.objects.all()[:30],
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def page_picture_add(request: HttpRequest, kind: str) -> HttpResponse:
    _writer(request)
    form = PagePictureForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            added = services.page_picture_add(
                by=request.user, upload=form.cleaned_data["picture"], alt=form.cleaned_data["alt"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The picture is uploaded. Paste this line where it goes: %(line)s")
                % {"line": added.markdown()},
            )
    else:
        messages.error(
            request, " ".join(str(error) for errors in form.errors.values() for error in errors)
        )
    return redirect("news.page_edit", kind=kind)
