import rules

from vos.edition.rules import communicates

rules.add_perm("newsletter.write", communicates)
