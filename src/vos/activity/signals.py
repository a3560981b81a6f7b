"""What happens to an activity that the apps above it react to.

Sent by ``vos.activity.services`` inside the change's transaction, with ``activity=`` (and
what each says below), so that a receiver's writes and queued emails commit or roll back
with the change. A leaf: it imports nothing.
"""

from django.dispatch import Signal

# The activity is now on the program (proposed in publish mode, or published by the
# facilitation team). Receivers: registration.receivers.schedule_reminders.
activity_published = Signal()

# Its time changed; also ``old_starts_at`` and ``old_ends_at``. Receivers:
# registration.receivers.tell_registrants_of_the_move (and reschedule the reminders).
activity_moved = Signal()

# It was cancelled after registrations may have been made. Receivers:
# registration.receivers.tell_registrants_of_the_cancellation.
activity_cancelled = Signal()

# It has more places than before, or no limit any more. Receivers:
# registration.receivers.promote_the_waiting_list.
activity_capacity_raised = Signal()
