"""Every setting the reader_questions plugin reads, with its default (README: Reader questions)."""

from sitekit.settings import Defaults

setting = Defaults({
    "QUESTIONS_FILE": "data/questions.yaml",  # inside PATH
    "ROUNDUPS_PATH": "roundups",  # optional intro per period, inside PATH
    "ROUNDUP_PERIOD": "month",  # or "quarter"
    "ROUNDUP_AUTHOR": None,  # None: AUTHOR
    "ROUNDUP_CATEGORY": "Reader questions",
    "ROUNDUP_URL": "questions/{period}/",
    "ROUNDUP_SAVE_AS": "questions/{period}/index.html",
    "QUESTIONS_URL": "questions/",
    "QUESTIONS_SAVE_AS": "questions/index.html",
    "QUESTIONS_ASK_URL": "ask/",  # a page's URL, "page:slug" or a full URL; "" leaves the link out
})
