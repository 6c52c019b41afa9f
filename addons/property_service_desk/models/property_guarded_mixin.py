# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError


class PropertyGuardedMixin(models.AbstractModel):
    """States, approvals and signatures that change only through their actions.

    A model lists its guarded fields in ``_guarded_fields`` (field name → the action that
    sets it, shown in the refusal); an addon extending the model lists only the fields it
    adds, the lists of all the model's classes count. A direct ``create`` or ``write`` of
    one of them by a user is refused, whatever the views show: the ``action_*`` methods
    check the role the SOP names and then write through ``_guarded_write``. Nothing
    reached over JSON-RPC runs as the superuser, so the superuser environment is the one
    way past the guard: data files, scheduled actions and the actions' own writes."""

    _name = "property.guarded.mixin"
    _description = "Fields Set Only by Their Actions"

    # {field name: the action that sets it, as a lazy translation (_lt) of the model's
    # module}
    _guarded_fields = {}

    @classmethod
    def _guarded_field_map(cls):
        """The guarded fields of the model, from every class of it (an extension in
        another addon adds its own)."""
        merged = {}
        for klass in reversed(cls.__mro__):
            merged.update(klass.__dict__.get("_guarded_fields") or {})
        return merged

    def _guarded_refuse(self, fields):
        labels = []
        for name in fields:
            field = self._fields[name]
            labels.append(
                self.env._(
                    "%(field)s (set by %(action)s)",
                    field=field._description_string(self.env),
                    action=self._guarded_action_label(name),
                )
            )
        raise AccessError(
            self.env._(
                "%(model)s: %(fields)s cannot be written directly; use the action, which "
                "checks who may do it.",
                model=self._description_string(),
                fields=self.env._(", ").join(labels),
            )
        )

    def _guarded_action_label(self, name):
        # a lazy translation, in the user's language at refusal time
        return self.env._(self._guarded_field_map()[name])

    def _description_string(self):
        return self.env["ir.model"]._get(self._name).name or self._description

    def _guarded_default(self, name):
        field = self._fields[name]
        return field.default(self) if field.default else False

    def _guarded_is_default(self, name, value):
        """At creation a guarded field may carry its default (a draft state, no
        approver): anything else would skip the action."""
        if not value:
            return True
        field = self._fields[name]
        if field.type in ("many2one", "many2many", "one2many", "binary"):
            return False
        return value == self._guarded_default(name)

    @api.model_create_multi
    def create(self, vals_list):
        guarded = self._guarded_field_map()
        if guarded and not self.env.su:
            context_forged = [
                name
                for name in guarded
                if f"default_{name}" in self.env.context
                and not self._guarded_is_default(name, self.env.context[f"default_{name}"])
            ]
            if context_forged:
                self._guarded_refuse(context_forged)
            for vals in vals_list:
                forged = [
                    name
                    for name in guarded
                    if name in vals and not self._guarded_is_default(name, vals[name])
                ]
                if forged:
                    self._guarded_refuse(forged)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and self._guarded_field_map():
            forged = self._guarded_changes(vals)
            if forged:
                self._guarded_refuse(forged)
        return super().write(vals)

    def _guarded_changes(self, vals):
        """The guarded fields that ``vals`` would change: a form that sends back the value
        it shows (``force_save``) changes nothing and passes."""
        return self._fields_changed(vals, self._guarded_field_map())

    def _fields_changed(self, vals, names):
        """Those of ``names`` that ``vals`` would change on these records (values compared
        as the ORM stores them; relations and files always count as changed)."""
        changed = []
        if not self:
            return changed
        for name in names:
            if name not in vals:
                continue
            field = self._fields[name]
            if field.type in ("one2many", "many2many", "binary"):
                changed.append(name)
                continue
            for record in self:
                new = field.convert_to_record(field.convert_to_cache(vals[name], record), record)
                if record[name] != new:
                    changed.append(name)
                    break
        return changed

    def _guarded_write(self, vals):
        """Write guarded fields from an action, after it checked the SOP's role: the user
        must still be allowed to write these records (rights and estate), then the write
        goes past the guard."""
        self.check_access("write")
        # sudo: the caller (an action_* method) has checked who may do this
        return self.sudo().write(vals)
