"""Chinese and Korean extraction: the same Reports as English, read from zh/ko sentence structure.

No translation and no model: cue words, particles and dates from
``data/triggers/{zh,ko}.yaml``, names from ``data/actors/names-cjk.yaml``.
"""

from .pipeline import extract_reports_cjk

__all__ = ["extract_reports_cjk"]
