import rules

from vos.edition.rules import communicates

# The inbox is the team's: the facilitators and the volunteers given communication.
rules.add_perm("contact.answer", communicates)
