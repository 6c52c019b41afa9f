# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import LazyTranslate, html2plaintext

from .helpdesk_ticket import UNIT_ACTOR_ROLES

_lt = LazyTranslate(__name__)


class HelpdeskTicket(models.Model):
    """What the resident does on the portal: who may act for the unit, sign-off and rating,
    the files they see."""

    _inherit = "helpdesk.ticket"

    _guarded_fields = {
        "resident_signed_off": _lt("the resident's sign-off"),
    }

    resident_rating = fields.Selection(
        [
            ("1", "Very Dissatisfied"),
            ("2", "Dissatisfied"),
            ("3", "Neutral"),
            ("4", "Satisfied"),
            ("5", "Very Satisfied"),
        ],
        string="Resident's Rating",
        copy=False,
        tracking=True,
        help="The resident's own rating of the work; the supervisor's quality score is "
        "recorded apart, on the spot check.",
    )

    resident_signed_off = fields.Datetime(copy=False, readonly=True)

    def _unit_actor_partners(self):
        """Who may act for the unit on a request (sign it off, answer a price): the
        reporter, and the unit's owners, tenants and agents (not the other household
        members)."""
        self.ensure_one()
        occupants = self.unit_id.occupancy_ids.filtered(
            lambda o: o.is_current and o.role in UNIT_ACTOR_ROLES
        )
        return self.partner_id | occupants.partner_id

    def _portal_actor_partners(self):
        """Who may act on the request from the portal (sign off, rate, close): the
        reporter, and for what is not a complaint the unit's owners, tenants and agents.
        A complaint is its reporter's alone."""
        self.ensure_one()
        if self.request_kind == "complaint":
            return self.partner_id
        return self._unit_actor_partners()

    @api.model
    def _portal_clean_text(self, value):
        """Text typed on the portal: NUL bytes cannot be stored, surrounding blanks go."""
        return (value or "").replace("\x00", "").strip()

    @api.model
    def _portal_find_duplicate(self, partner, name, description):
        """The same request posted twice (a double click, two tabs): the first one.

        The resident's partner row is updated first: of two identical posts at the same
        time the second waits, then fails to serialise and is replayed by Odoo, and the
        replay sees the first request."""
        self.env.cr.execute(
            "UPDATE res_partner SET write_date = write_date WHERE id = %s", [partner.id]
        )
        return (
            self.sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("name", "=", name),
                    ("create_date", ">=", fields.Datetime.now() - timedelta(minutes=2)),
                ]
            )
            .filtered(lambda t: html2plaintext(t.description or "").strip() == description)[:1]
        )

    def _get_portal_attachments(self):
        """Files the resident may see: not those posted with internal notes."""
        self.ensure_one()
        internal = self.message_ids.filtered(
            lambda m: m.message_type == "comment" and (m.is_internal or m.subtype_id.internal)
        ).attachment_ids
        return self.attachment_ids - internal

    def _portal_sign_off(self, rating, comment=None):
        """Called for the resident, after the portal checked they may read the request:
        record their sign-off and rating of the completed work."""
        self.ensure_one()
        if self.env.user.partner_id not in self.sudo()._portal_actor_partners():
            raise AccessError(
                self.env._(
                    "Only the person who reported the request, or the unit's owner or "
                    "tenant, signs the work off."
                )
            )
        if rating not in dict(self._fields["resident_rating"].selection):
            raise UserError(self.env._("Choose a rating from 1 to 5."))
        if not self.closed:
            raise UserError(self.env._("The work can be signed off once it is completed."))
        if self.resident_signed_off:
            raise UserError(self.env._("This request is already signed off."))
        # the resident may not write the request itself: the check happened in the portal
        self.sudo().write({"resident_rating": rating, "resident_signed_off": fields.Datetime.now()})
        self.sudo().message_post(
            body=self.env._(
                "Signed off by the resident, rating %(rating)s/5. %(comment)s",
                rating=rating,
                comment=comment or "",
            ),
            author_id=self.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
