# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    home_counts = fields.Json(
        compute="_compute_home_counts",
        help="The numbers of the estate's home: what waits for the service centre now.",
    )

    def _property_home_items(self, day_start, day_end):
        """What the home of these estates counts, ``{key: item}``: each addon adds its
        own. An item is a dict with ``name`` (the title of the list it opens),
        ``action`` (the XML id of the window action whose views show the records),
        ``domain`` and, when the records are not on the estate by ``estate_id``,
        ``estate_field``. ``day_start`` and ``day_end`` bound the estates' local today
        (naive UTC); the estates in ``self`` share one timezone."""
        return {}

    def _property_home_day(self):
        """Today's bounds in the timezone of the estates in ``self`` (one timezone)."""
        estate = self[:1]
        today = estate._local_today()
        return estate._local_date_start(today), estate._local_date_start(today + timedelta(days=1))

    @api.depends_context("uid")
    def _compute_home_counts(self):
        counts = {estate.id: {} for estate in self}
        for estates in self.grouped("tz").values():
            for key, item in estates._property_home_items(*estates._property_home_day()).items():
                Model = self.env[item["model"]]
                if not Model.has_access("read"):
                    continue  # not this role's work: the home does not show it
                field = item.get("estate_field", "estate_id")
                found = dict(
                    Model._read_group(
                        [*item["domain"], (field, "in", estates.ids)], [field], ["__count"]
                    )
                )
                for estate in estates:
                    counts[estate.id][key] = found.get(estate, 0)
        for estate in self:
            estate.home_counts = counts.get(estate.id, {})

    def action_home_open(self):
        """The records behind one number of the home (``home_item`` in the context)."""
        self.ensure_one()
        key = self.env.context.get("home_item")
        item = self._property_home_items(*self._property_home_day()).get(key)
        if not item:
            raise UserError(self.env._("The home has no list “%(item)s”.", item=key))
        action = self.env["ir.actions.act_window"]._for_xml_id(item["action"])
        field = item.get("estate_field", "estate_id")
        domain = action.get("domain") or []
        if isinstance(domain, str):
            domain = safe_eval(domain)
        context = action.get("context") or {}
        if isinstance(context, str):
            context = safe_eval(context, {"uid": self.env.uid, "active_id": self.id})
        action.update(
            {
                "name": f"{self.name} · {item['name']}",
                "domain": [*domain, *item["domain"], (field, "=", self.id)],
                # the home's list, not the action's default filters
                "context": {
                    name: value
                    for name, value in context.items()
                    if not name.startswith("search_default_")
                },
                "target": "current",
            }
        )
        return action
