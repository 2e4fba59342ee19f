"""Site settings for the directory: the ``extra.directory`` key of mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .calendar.closures import DEFAULT_CLOSURES, Closure
from .frontmatter import KEY_TWICE_FIX, FrontMatter, SettingsLoader, key_written_twice, mapping_nodes
from .maps import QUERY, map_host, map_search_url
from .models.values import SLUG, TOKYO, Count, ShortSetting, StaffDate, no_repeats, optional_setting_text, parse_phone, parse_staff_date, staff_error, staff_errors
from .problems import ContentInvalid, Problem
from .search.normalize import SearchWords, fold_text
from .search.tokenize import is_one_run, query_terms
from .validation import problems_from_validation
from .vocabulary import Term



class TermSetting(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(description="URL に使う半角英小文字の識別子")
    label: ShortSetting = Field(description="画面とファイルに書く日本語の名前")
    description: str = ""

    # Shown under the label on its list page (found by the fuzz audit of the newer fields).
    _description = field_validator("description", mode="before")(optional_setting_text(200))

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise staff_error(f"id「{value}」には使えない文字があります", "半角の英小文字・数字・ハイフンで書いてください（例: north、food-manufacturing）")
        return value

    def term(self) -> Term:
        return Term(self.id, self.label, self.description)


TOWNS_EXAMPLE = "towns: [中央町, 本町, 駅前通り]"

TOWN_SEPARATORS = re.compile(r"[、・,，/／\s]")
"""Signs that part two towns written as one name (「中央町・本町」): the site joins the towns with
「・」, so such a name would read as two and could not be told from a list of two."""


def _town_written(value: Any) -> Any:
    """Before ShortSetting's checks, whose fixes speak of a whole line, not of a name in a list."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise staff_error("町の名前が空です", f"空のところを消すか、町の名前を書いてください（例: {TOWNS_EXAMPLE}）")
    if isinstance(value, (bool, dict, list)):
        raise staff_error("町の名前は文字で書く項目です", f"町の名前だけを「, 」で区切って書いてください（例: {TOWNS_EXAMPLE}）")
    return value


def _one_town(name: str) -> str:
    if TOWN_SEPARATORS.search(name):
        raise staff_error(
            f"「{name}」は町の名前を2つ以上つなげて書いたように読めます（、・, や空白は町の区切りに使います）",
            f"町ごとに「, 」で区切ってください（例: {TOWNS_EXAMPLE}）",
        )
    return name


class AreaSetting(TermSetting):
    """An area (地域) of the centre's own making, and the towns (町) it covers."""

    towns: list[Annotated[ShortSetting, BeforeValidator(_town_written), AfterValidator(_one_town)]] = Field(
        default_factory=list,
        title="地域に入る町",
        description="この地域に入る町の名前。事業所をさがすページ・地域のページ・キーワード検索の地域の選択肢に出ます（まだ事業所のない町も書けます）。書かなければ地域の名前だけ",
    )

    @field_validator("towns", mode="before")
    @classmethod
    def _towns_listed(cls, value: Any) -> Any:
        if value is None:  # "towns:" with nothing after it
            raise staff_error("町の一覧が空です", f"町の名前を [ ] で囲んで書くか、この行を消してください（例: {TOWNS_EXAMPLE}）")
        if not isinstance(value, list):
            shown = f"（「{value}」と書かれています）" if isinstance(value, str) else ""
            raise staff_error(
                f"町は [ ] で囲んだ一覧で書く項目です{shown}",
                f"町の名前を「, 」で区切って [ ] で囲んでください（例: {TOWNS_EXAMPLE}）",
            )
        return value

    @field_validator("towns")
    @classmethod
    def _town_once(cls, towns: list[str]) -> list[str]:
        return no_repeats(towns, "町")

    def term(self) -> Term:
        return Term(self.id, self.label, self.description, tuple(self.towns))


class AccommodationSetting(TermSetting):
    commute: bool = Field(
        False,
        title="通い方の配慮",
        description="送迎・駅から近い など、通うための配慮なら true。キーワード検索では、これらを「どれか1つでよい」ひとまとまりの条件にします（車のない方は、どちらかがあれば通えるため）",
    )


DEFAULT_CATEGORIES = [
    {"id": "agriculture", "label": "農業・栽培"},
    {"id": "welfare-medical", "label": "福祉・医療"},
    {"id": "food-manufacturing", "label": "食品・製造"},
    {"id": "environment", "label": "環境整備"},
    {"id": "traffic-security", "label": "交通警備"},
    {"id": "other", "label": "その他"},
]

DEFAULT_ACCOMMODATIONS = [
    {"id": "short-hours", "label": "短時間", "description": "1日数時間から働ける"},
    {"id": "one-day-a-week", "label": "週1日から", "description": "週1日から相談できる"},
    {"id": "no-resume", "label": "履歴書不要"},
    {"id": "no-interview", "label": "面接なし"},
    {"id": "pickup", "label": "送迎あり", "description": "最寄り駅などから送り迎えがある", "commute": True},
    {"id": "casual-dress", "label": "服装自由"},
    {"id": "disability-support", "label": "障がいへの配慮"},
    {"id": "no-experience", "label": "未経験歓迎"},
    {"id": "near-station", "label": "駅から近い", "description": "駅やバス停から歩いて10分以内", "commute": True},
    {"id": "flexible-schedule", "label": "日程は相談可"},
    {"id": "job-coach", "label": "付き添い可", "description": "支援員の付き添いを受け入れる"},
    {"id": "foreign-language", "label": "外国語の相談可"},
]

DEFAULT_PROGRAM_KINDS = [
    {"id": "group", "label": "集団プログラム"},
    {"id": "seminar", "label": "セミナー"},
    {"id": "tour-day", "label": "職場見学会"},
    {"id": "training", "label": "研修会"},
    {"id": "forum", "label": "フォーラム"},
    {"id": "job-fair", "label": "合同就職面接会"},
]


DEFAULT_SEARCH_WORDS = [
    {"word": "障害", "means": "障がい"},
    {"word": "障碍", "means": "障がい"},
    {"word": "子供", "means": "子ども"},
]
"""Without ``search_words`` in mkdocs.yml: the spelling variants the search always knew (the
sample site's mkdocs.yml lists these and its readings and everyday words)."""


class SearchWordSetting(BaseModel):
    """A word people type for what the content writes another way (a reading, an everyday word,
    another accepted spelling); the search treats it as ``means``, in the index and the query."""

    model_config = ConfigDict(extra="forbid")
    word: ShortSetting = Field(title="検索で入れることば", description="読み（かいご）、ふだんのことば（駅近）、別の書き方（障害）")
    means: ShortSetting = Field(title="内容での書き方", description="事業所のページに書かれていることば（介護、駅から近い、障がい）")

    @model_validator(mode="after")
    def _can_match(self) -> "SearchWordSetting":
        word, means = fold_text(self.word), fold_text(self.means)
        if not is_one_run(word):
            # A space or a sign splits what people type, and ー alone folds away: such a word
            # would almost never be typed as written here.
            raise staff_error(
                f"ことば「{self.word}」に、空白・記号など検索で区切りになる文字があります",
                "ひらがな・カタカナ・漢字・英数字だけの、ひと続きのことばにしてください（2つのことばなら2行に分けます）",
                at="word",
            )
        if word == means:
            raise staff_error(
                f"ことば「{self.word}」と内容での書き方「{self.means}」は、検索では同じことばです（カタカナとひらがな、全角と半角、大文字と小文字、ー の有無は区別しません）",
                "書かなくても見つかります。この行を消してください",
                at="means",
            )
        if not query_terms(means, SearchWords()):
            # ー or signs only: the word would vanish from the content and from queries alike.
            raise staff_error(
                f"内容での書き方「{self.means}」には、検索で探せる文字がありません（ー と記号は検索では使いません）",
                "事業所のページに書かれていることばを、ひらがな・カタカナ・漢字・英数字で書いてください",
                at="means",
            )
        return self


class OpenDataSettings(BaseModel):
    """How the open data (data/*.json, *.csv, HSDS) is published: licence, publisher, update note."""

    model_config = ConfigDict(extra="forbid")

    license: str = Field("CC BY 4.0", description="データの利用条件（ライセンス）の名前")
    license_url: str = Field("https://creativecommons.org/licenses/by/4.0/deed.ja", description="ライセンスの説明ページ")
    publisher: str = Field("", description="データの発行者。空ならサイトを運営する相談窓口の名前")
    update_frequency: str = Field("毎朝（日本時間）、内容ファイルから作り直しています", description="更新の頻度の説明")

    # Shown as written on the data page (found by the fuzz audit of the newer fields).
    _texts = field_validator("license", "publisher", mode="before")(optional_setting_text(80))
    _frequency = field_validator("update_frequency", mode="before")(optional_setting_text(400))

    @field_validator("license_url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):  # the data page links to it
            raise staff_error(f"「{value}」はホームページのアドレスではありません", "https:// から始まるアドレスを書いてください")
        return value


class DirectorySettings(BaseModel):
    """Everything a site can set about the directory, under ``extra.directory``."""

    model_config = ConfigDict(extra="forbid")

    organization: ShortSetting = Field("生活・就労支援センター", description="サイトを運営する相談窓口の名前")
    contact_phone: str = Field("", description="相談窓口の電話番号")
    contact_hours: str = Field("", description="電話を受け付ける曜日と時間（例: 平日 8:30〜17:15）")
    content_dir: str = Field("content", description="内容ファイルを置くフォルダ（mkdocs.yml からの相対パス）")
    categories: list[TermSetting] = Field(default_factory=lambda: [TermSetting(**c) for c in DEFAULT_CATEGORIES])
    areas: list[AreaSetting] = Field(default_factory=list, description="地域の一覧。空なら地域は自由記述。towns: にその地域に入る町を書けます")
    accommodations: list[AccommodationSetting] = Field(
        default_factory=lambda: [AccommodationSetting(**a) for a in DEFAULT_ACCOMMODATIONS]
    )
    program_kinds: list[TermSetting] = Field(
        default_factory=lambda: [TermSetting(**k) for k in DEFAULT_PROGRAM_KINDS]
    )
    build_date: StaffDate | None = Field(None, title="今日として扱う日付", description="テストと再現用。書かなければ環境変数 DIRECTORY_BUILD_DATE、SOURCE_DATE_EPOCH、実際の日付の順")
    open_data: OpenDataSettings = Field(default_factory=OpenDataSettings, description="オープンデータの公開条件")
    closures: list[Closure] = Field(
        default_factory=lambda: list(DEFAULT_CLOSURES),
        description="プログラムの繰り返しを休む期間（年末年始など）。祝日は別に自動で休みになります",
    )
    search_words: list[SearchWordSetting] = Field(
        default_factory=lambda: [SearchWordSetting(**w) for w in DEFAULT_SEARCH_WORDS],
        description="検索で、読みやふだんのことばを、内容での書き方と同じに扱う（かいご → 介護）",
    )
    stale_after_months: Count = Field(12, ge=1, le=120, description="情報確認日からこの月数を過ぎた事業所・プログラムを、ビルドと PR の確認で知らせる")
    map_url: str = Field(
        "",
        title="地図サービスのアドレス",
        description="住所の横の「地図で見る」のリンク先。{query} のところに住所が入ります。空なら地図のリンクは出しません",
    )
    map_name: ShortSetting | None = Field(None, title="地図サービスの名前", description="リンクに書く名前（例: Google マップ）。空ならアドレスのホスト名")

    @field_validator("map_url")
    @classmethod
    def _map_template(cls, value: str) -> str:
        # Shown as a link beside every address: a seeker's phone opens it in one tap.
        value = value.strip()
        if not value:
            return value
        example = "（例: https://www.google.com/maps/search/?api=1&query={query}）"
        if not value.startswith("https://") or not map_host(value):
            raise staff_error(f"「{value}」は https:// から始まるホームページのアドレスではありません", "地図サービスの検索のアドレスを https:// から書いてください" + example)
        if value.count(QUERY) != 1:
            what = "が入っていません" if QUERY not in value else "が2回以上あります"
            raise staff_error(
                f"「{value}」に、住所が入るところの {QUERY} {what}",
                f"アドレスの中の、検索することばが入るところに {QUERY} を1回だけ書いてください" + example,
            )
        return value

    @field_validator("map_name", mode="before")
    @classmethod
    def _empty_name(cls, value: Any) -> Any:
        return None if value == "" else value

    # Shown as written beside the phone number on the pages and sheets (found by the fuzz audit
    # of the newer fields: a tag showed as text, a pasted paragraph was printed on every sheet).
    @field_validator("contact_hours", mode="before")
    @classmethod
    def _hours(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            # contact_hours: 8:30 is a number to YAML (8 × 60 + 30 = 510), shown as 「受付 510」.
            raise staff_error(
                f"受付時間が数（{value}）として読まれました（8:30 のように時刻だけを書くと、数になります）",
                '全体を半角の "…" で囲んで、contact_hours: "平日 8:30〜17:15" のように曜日と時刻を書いてください',
            )
        return optional_setting_text(80)(value)

    @field_validator("contact_phone", mode="before")
    @classmethod
    def _phone(cls, value: Any) -> Any:
        # Printed on every page and sheet: checked like an employer's phone (empty: none shown).
        return value if value == "" else parse_phone(value)

    @field_validator("categories", "areas", "accommodations", "program_kinds")
    @classmethod
    def _each_once(cls, terms: list[TermSetting]) -> list[TermSetting]:
        """A term's id names its page (categories/agriculture/) and its label is what content
        files write: two terms with one id would share a page, two with one label would make a
        file's value mean both."""
        for name in ("id", "label"):
            seen: dict[str, int] = {}
            for index, term in enumerate(terms):
                value = getattr(term, name)
                if value in seen:
                    raise staff_error(
                        f"{name}「{value}」が {seen[value] + 1}番目と {index + 1}番目の2回書かれています",
                        f"一覧の中で {name} はそれぞれ別のものにしてください",
                        at=f"{index}.{name}",
                    )
                seen[value] = index
        return terms

    @field_validator("areas")
    @classmethod
    def _town_in_one_area(cls, areas: list[AreaSetting]) -> list[AreaSetting]:
        """A town in two areas would send a family who lives there to both (and the site would
        say it is in both): each town belongs to one area."""
        errors = []
        area_of: dict[str, int] = {}
        for index, area in enumerate(areas):
            for position, town in enumerate(area.towns):
                first = area_of.setdefault(town, index)
                if first != index:
                    errors.append(
                        staff_error(
                            f"町「{town}」が {first + 1}番目の地域「{areas[first].label}」と {index + 1}番目の地域「{area.label}」の両方に書かれています",
                            "1つの地域だけに書いてください（町の中で地域が分かれるなら、「本町1〜3丁目」のように分けて書きます）",
                            at=f"{index}.towns.{position}",
                        )
                    )
        if errors:
            raise staff_errors(errors)
        return areas

    @field_validator("search_words")
    @classmethod
    def _words_meet_once(cls, entries: list[SearchWordSetting]) -> list[SearchWordSetting]:
        """Each word once (after folding: カイゴ is かいご), and no meaning that holds a word:
        the index would replace that word inside the content's text while a query for the
        word becomes the meaning, and the two would never meet."""
        errors = []
        first_of: dict[str, int] = {}
        for index, entry in enumerate(entries):
            word = fold_text(entry.word)
            if word in first_of:
                first = entries[first_of[word]]
                errors.append(
                    staff_error(
                        f"ことば「{entry.word}」は {first_of[word] + 1}番目の「{first.word}」と同じです（検索ではカタカナとひらがな、全角と半角を区別しません）",
                        "どちらか1行にしてください",
                        at=f"{index}.word",
                    )
                )
            first_of.setdefault(word, index)
        for index, entry in enumerate(entries):
            means = fold_text(entry.means)
            inside = next(((at, entries[at].word) for word, at in first_of.items() if word in means), None)
            if inside:
                at, word = inside
                errors.append(
                    staff_error(
                        f"内容での書き方「{entry.means}」の中に、{at + 1}番目のことば「{word}」が入っています。内容のほうも置きかえられてしまい、「{entry.word}」で見つからなくなります",
                        f"{at + 1}番目の行を消すか、この行の内容での書き方を「{word}」を含まないものにしてください",
                        at=f"{index}.means",
                    )
                )
        if errors:
            raise staff_errors(errors)
        return entries

    def map_link(self, address: str | None) -> str:
        """Where 「地図で見る」 beside ``address`` leads; "" without an address or a ``map_url``."""
        return map_search_url(self.map_url, address) if self.map_url and address and address.strip() else ""

    def map_service_name(self) -> str:
        """The map service's name for the link's text: ``map_name``, else its host."""
        return self.map_name or map_host(self.map_url)

    def search_word_table(self) -> SearchWords:
        return SearchWords.of((entry.word, entry.means) for entry in self.search_words)

    def category_terms(self) -> list[Term]:
        return [c.term() for c in self.categories]

    def area_terms(self) -> list[Term]:
        return [a.term() for a in self.areas]

    def accommodation_terms(self) -> list[Term]:
        return [a.term() for a in self.accommodations]

    def commute_accommodation_terms(self) -> list[Term]:
        """The accommodations for getting there (送迎あり, 駅から近い: ``commute``)."""
        return [a.term() for a in self.accommodations if a.commute]

    def program_kind_terms(self) -> list[Term]:
        return [k.term() for k in self.program_kinds]


def today(settings: DirectorySettings, environ: dict[str, str] | None = None) -> dt.date:
    """The date the build treats as today, in Asia/Tokyo.

    Order: ``DIRECTORY_BUILD_DATE`` (YYYY-MM-DD), then ``build_date`` in mkdocs.yml, then the
    reproducible-builds convention ``SOURCE_DATE_EPOCH``, then the clock. The variable comes
    first so that a ``build_date`` committed by mistake cannot freeze the published site: the
    deploy workflow sets it to the day in Japan.

    A malformed variable raises ContentInvalid (a located message, not a traceback): a build
    with a wrong today would mark the wrong meetings as 終了 and 受付終了.
    """
    environ = os.environ if environ is None else environ
    if environ.get("DIRECTORY_BUILD_DATE"):
        value = environ["DIRECTORY_BUILD_DATE"]
        try:
            return parse_staff_date(value)
        except PydanticCustomError as error:
            raise _environment_problem(
                "DIRECTORY_BUILD_DATE",
                error.context["what"],
                f"{error.context['fix']}（例: DIRECTORY_BUILD_DATE=2026-04-08。今日の日付で作るなら、この環境変数を設定しないでください）",
            ) from None
    if settings.build_date:
        return settings.build_date
    if environ.get("SOURCE_DATE_EPOCH"):
        value = environ["SOURCE_DATE_EPOCH"].strip()
        if not EPOCH_SECONDS.match(value):
            raise _environment_problem(
                "SOURCE_DATE_EPOCH",
                f"「{environ['SOURCE_DATE_EPOCH']}」は秒数として読めません（1970年1月1日からの秒数を半角数字で書く決まりです）",
                "半角数字だけで書いてください（例: SOURCE_DATE_EPOCH=1775574000）。日付で決めるなら DIRECTORY_BUILD_DATE=2026-04-08 を使ってください",
            )
        try:
            return dt.datetime.fromtimestamp(int(value), TOKYO).date()
        except (OverflowError, OSError, ValueError):
            raise _environment_problem(
                "SOURCE_DATE_EPOCH",
                f"「{value}」秒は大きすぎて日付になりません",
                "1970年1月1日からの秒数を書いてください（例: SOURCE_DATE_EPOCH=1775574000）。日付で決めるなら DIRECTORY_BUILD_DATE=2026-04-08 を使ってください",
            ) from None
    return dt.datetime.now(TOKYO).date()


EPOCH_SECONDS = re.compile(r"^[0-9]+$")


def settings_invalid(source: str, problems: list[Problem]) -> ContentInvalid:
    """Problems in the settings (``source``: mkdocs.yml, or an environment variable), reported
    like content problems."""
    return ContentInvalid(problems, where=f"設定（{source}）")


def _environment_problem(name: str, what: str, fix: str) -> ContentInvalid:
    """A bad environment variable, reported like a content problem (it has no file or line)."""
    where = f"環境変数 {name}"
    return settings_invalid(where, [Problem(where, 0, name, what, fix)])


def load_settings(raw: Any, source: str = "mkdocs.yml", config_text: str = "") -> DirectorySettings:
    """Validate the ``extra.directory`` mapping; problems are reported like content problems,
    in Japanese and at their line of ``config_text`` (the text of ``source``) when it is given."""
    twice = _keys_written_twice(config_text)
    if twice:
        raise settings_invalid(source, [Problem(source, line, key, key_written_twice(key, first, line), KEY_TWICE_FIX) for key, first, line in twice])
    if raw is not None and not isinstance(raw, dict):  # directory: x — pydantic would name no field
        line = SettingsFile(source, config_text).line_of(())
        raise settings_invalid(
            source, [Problem(source, line, SETTINGS_KEY, "下に項目を並べる形で書く項目です", "「directory:」の次の行から、半角スペース4つで字下げして項目を書いてください")]
        )
    try:
        return DirectorySettings.model_validate(raw or {})
    except ValidationError as error:
        where = SettingsFile(source, config_text)
        raise settings_invalid(source, problems_from_validation(error, DirectorySettings, where, field_prefix=SETTINGS_KEY + ".")) from None


SETTINGS_KEY = "extra.directory"


def _keys_written_twice(text: str) -> list[tuple[str, int, int]]:
    """Keys written twice in one mapping of mkdocs.yml, with both lines (1-based): YAML, and
    MkDocs with it, keeps the second and drops the first without a word (a second
    ``closures:`` lower in the file would undo the year-end closure). Content files refuse
    the same (frontmatter.DuplicateKey)."""
    if not text:
        return []
    try:
        root = yaml.compose(text, Loader=SettingsLoader)  # nodes only: MkDocs' !ENV tags need no constructor
    except yaml.YAMLError:
        return []  # MkDocs, or validate, reports the syntax error itself
    found = []
    for mapping in mapping_nodes(root):
        seen: dict[str, int] = {}
        for key, _ in mapping.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                if key.value in seen:
                    found.append((key.value, seen[key.value] + 1, key.start_mark.line + 1))
                seen.setdefault(key.value, key.start_mark.line)
    return sorted(found, key=lambda item: item[2])


@dataclass
class SettingsFile:
    """mkdocs.yml as a place problems point into (the counterpart of a content file's front matter)."""

    path: str
    text: str

    def __post_init__(self) -> None:
        self._yaml = FrontMatter(self.path, {}, "", yaml_text=self.text, first_line=1)

    def line_of(self, loc: tuple[Any, ...]) -> int:
        return self._yaml.line_of(tuple(SETTINGS_KEY.split(".")) + loc) if self.text else 1
