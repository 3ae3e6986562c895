"""What a user means, done to the record: the one place where records change.

One function per intent ("log a win", "move a gap", "check in", "turn feedback into a gap"),
each taking the :class:`~careertui.store.repository.Repository` and the intent, running in one
transaction, and returning the result. Cascades (unlinking what names a deleted record) and the
last-contact bookkeeping live here too. The shell (``careertui.commands``) and the app
(``careertui.tui``) call the same functions; nothing here imports Textual.

- :mod:`~careertui.actions.wins`: log, edit, star, delete and undo a win.
- :mod:`~careertui.actions.gaps`: add, edit, move, step, close and delete a gap; turn an
  obstacle or a piece of feedback into one.
- :mod:`~careertui.actions.people`: add, edit and delete a stakeholder; check in.
- :mod:`~careertui.actions.vision`: the vision, its lists, priorities, feedback and scope.
- :mod:`~careertui.actions.settings`: what the app remembers between sessions.
- :mod:`~careertui.actions.contacts`: a stakeholder's last contact, kept equal to the record.
"""
