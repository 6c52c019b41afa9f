# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

DUNNING_STEPS = [
    ("reminder", "Reminder (e-mail/SMS)"),
    ("phone", "Phone Call"),
    ("letter", "Dunning Letter by Express Mail"),
    ("visit", "Home Visit"),
]
# a water/power cut needs a written notice at least this many days before
CUT_NOTICE_DAYS = 3


def partner_outstanding(env, partners):
    """{commercial partner: open receivable} from the posted journal items."""
    rows = env["account.move.line"]._read_group(
        [
            ("partner_id", "in", partners.commercial_partner_id.ids),
            ("account_id.account_type", "=", "asset_receivable"),
            ("parent_state", "=", "posted"),
            ("reconciled", "=", False),
        ],
        ["partner_id"],
        ["amount_residual:sum"],
    )
    return dict(rows)


class CreditControlPolicyLevel(models.Model):
    _inherit = "credit.control.policy.level"

    property_step = fields.Selection(
        DUNNING_STEPS,
        string="Dunning Step",
        help="What the service centre does at this level: phone calls and home visits "
        "become activities, letters need the express-mail tracking number.",
    )


class CreditControlLine(models.Model):
    _inherit = "credit.control.line"

    property_reason = fields.Char(
        string="Why", compute="_compute_property_reason", help="Why the owner is at this level."
    )

    @api.depends("date_due", "date", "policy_level_id", "balance_due")
    def _compute_property_reason(self):
        for line in self:
            days = (line.date - line.date_due).days if line.date and line.date_due else 0
            line.property_reason = self.env._(
                "%(invoice)s due %(due)s, %(days)s days late, %(amount)s open: %(level)s",
                invoice=line.invoice_id.name or line.move_line_id.move_id.name or "",
                due=line.date_due,
                days=days,
                amount=line.balance_due,
                level=line.policy_level_id.name,
            )

    def _property_schedule_contacts(self):
        """One phone call or home visit per owner and level, whatever the number of
        overdue invoices, for the front desk of the owner's estate."""
        activity_types = {
            "phone": self.env.ref("mail.mail_activity_data_call"),
            "visit": self.env.ref("property_service_desk.mail_activity_type_home_visit"),
        }
        units = self.env["property.occupancy"].search(
            [("partner_id", "in", self.commercial_partner_id.ids), ("is_current", "=", True)]
        )
        estate_of = {o.partner_id: o.estate_id for o in units}
        for (partner, level), lines in self.grouped(
            lambda line: (line.commercial_partner_id, line.policy_level_id)
        ).items():
            step = level.property_step
            estate = estate_of.get(partner)
            user = (estate.front_desk_user_ids[:1] if estate else False) or self.env.user
            # the call or visit is planned on the owner, whom finance may not edit
            partner.sudo().activity_schedule(
                activity_type_id=activity_types[step].id,
                summary=self.env._(
                    "%(step)s: %(count)s overdue fee invoice(s)",
                    step=dict(DUNNING_STEPS)[step],
                    count=len(lines),
                ),
                user_id=user.id,
            )
        self.write({"state": "sent", "date_sent": fields.Date.context_today(self)})


class CreditControlCommunication(models.Model):
    _inherit = "credit.control.communication"

    tracking_number = fields.Char(
        string="Express Tracking Number", help="Of the dunning letter sent by express mail."
    )
    date_posted = fields.Date(string="Posted On")

    def action_record_dispatch(self, tracking_number, date_posted=None):
        """The dunning letter left by express mail: record its tracking number."""
        if not (tracking_number or "").strip():
            raise UserError(self.env._("Enter the express-mail tracking number."))
        self.write(
            {
                "tracking_number": tracking_number.strip(),
                "date_posted": date_posted or fields.Date.context_today(self),
            }
        )
        self.credit_control_line_ids.filtered(
            lambda line: line.state in ("to_be_sent", "queued")
        ).write({"state": "sent", "date_sent": fields.Date.context_today(self)})
        self.env["credit.control.run"]._property_log_steps(self.credit_control_line_ids)
        return True


class CreditControlRun(models.Model):
    _inherit = "credit.control.run"

    def action_property_rollback(self):
        """Undo a run whose reminders were not sent: its lines go away and the owners
        stay where they were."""
        for run in self:
            sent = run.line_ids.filtered(lambda line: line.state not in ("draft", "to_be_sent"))
            if sent:
                raise UserError(
                    self.env._("Reminders of this run were already sent: it cannot be undone.")
                )
        self.line_ids.write({"state": "draft"})
        self.line_ids.unlink()
        self.write({"state": "draft", "report": False, "hide_change_state_button": False})
        return True

    def run_channel_action(self):
        """Send e-mails and print letters (OCA); phone calls and home visits become
        activities for the service centre. Every step is logged on the owner."""
        self.ensure_one()
        lines = self.line_ids.filtered(lambda line: line.state == "to_be_sent")
        in_person = lines.filtered(
            lambda line: line.policy_level_id.property_step in ("phone", "visit")
        )
        result = super().run_channel_action()
        if in_person:
            in_person._property_schedule_contacts()
        sent = lines.filtered(lambda line: line.state in ("sent", "queued") or line in in_person)
        self._property_log_steps(sent)
        return result

    @api.model
    def _property_log_steps(self, lines):
        outstanding = partner_outstanding(self.env, lines.partner_id)
        for (partner, level), partner_lines in lines.grouped(
            lambda line: (line.commercial_partner_id, line.policy_level_id)
        ).items():
            # the dunning log belongs on the owner; finance may not edit contacts
            partner.sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Dunning %(level)s on %(date)s for %(count)s overdue invoice(s); "
                    "outstanding %(amount)s.",
                    level=level.name,
                    date=fields.Date.context_today(self),
                    count=len(partner_lines),
                    amount=outstanding.get(partner, 0.0),
                ),
                subtype_xmlid="mail.mt_note",
            )


class PropertyDunningAction(models.Model):
    """The last steps against a wilful non-payer: legal referral, only after the
    owners' committee mediated; water/power cut, only with the director's approval and
    a written notice at least 3 days before."""

    _name = "property.dunning.action"
    _description = "Dunning Escalation"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "state": _lt("Approve, Done or Cancel"),
        "approved_by_id": _lt("the director's Approve"),
    }

    partner_id = fields.Many2one("res.partner", string="Owner", required=True, index=True)
    unit_id = fields.Many2one("property.unit", required=True, index=True)
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    kind = fields.Selection(
        [("legal", "Legal Referral"), ("cut", "Water/Power Cut")], required=True, tracking=True
    )
    mediation_date = fields.Date(
        string="Owners' Committee Mediation", tracking=True, help="When the committee mediated."
    )
    mediation_note = fields.Text(string="Mediation Outcome")
    notice_date = fields.Date(string="Written Notice Given", tracking=True)
    action_date = fields.Date(string="Planned For", required=True, tracking=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.depends("kind", "unit_id", "partner_id")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for action in self:
            action.display_name = " · ".join(
                filter(None, [kinds.get(action.kind), action.unit_id.display_name])
            )

    @api.constrains("kind", "notice_date", "action_date")
    def _check_notice(self):
        for action in self:
            if (
                action.kind == "cut"
                and action.notice_date
                and action.action_date < action.notice_date + timedelta(days=CUT_NOTICE_DAYS)
            ):
                raise ValidationError(
                    self.env._(
                        "Water or power can be cut at the earliest %(days)s days after the "
                        "written notice.",
                        days=CUT_NOTICE_DAYS,
                    )
                )

    def action_approve(self):
        if not self.env.user.has_group("property_service_desk.group_property_director"):
            raise UserError(self.env._("Only the director approves this step."))
        for action in self:
            if action.state != "draft":
                raise UserError(self.env._("Only a draft step is approved."))
            action.estate_id._check_director(self.env.user)
            action._check_preconditions()
        self._guarded_write({"state": "approved", "approved_by_id": self.env.uid})
        return True

    def _check_preconditions(self):
        self.ensure_one()
        # both last steps come after the owners' committee mediated in vain
        if not (self.mediation_date and (self.mediation_note or "").strip()):
            raise UserError(
                self.env._(
                    "A legal referral or a water/power cut comes only after the owners' "
                    "committee mediated: record the mediation first."
                )
            )
        if self.kind == "cut" and not self.notice_date:
            raise UserError(
                self.env._("Give the owner a written notice before cutting water or power.")
            )

    def action_done(self):
        today = fields.Date.context_today(self)
        if not self.env.user.has_group("property_service_desk.group_property_finance"):
            raise UserError(self.env._("Finance records that this step was carried out."))
        for action in self:
            if action.state != "approved" or not action.approved_by_id.has_group(
                "property_service_desk.group_property_director"
            ):
                raise UserError(self.env._("The director approves this step first."))
            action._check_preconditions()
            if action.kind == "cut" and today < action.notice_date + timedelta(
                days=CUT_NOTICE_DAYS
            ):
                raise UserError(
                    self.env._(
                        "The written notice was given less than %(days)s days ago.",
                        days=CUT_NOTICE_DAYS,
                    )
                )
        outstanding = partner_outstanding(self.env, self.partner_id)
        for action in self:
            # logged on the owner, whom finance may not edit
            action.partner_id.sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=self.env._(
                    "%(step)s for %(unit)s on %(date)s; outstanding %(amount)s.",
                    step=dict(self._fields["kind"]._description_selection(self.env))[action.kind],
                    unit=action.unit_id.display_name,
                    date=today,
                    amount=outstanding.get(action.partner_id.commercial_partner_id, 0.0),
                ),
                subtype_xmlid="mail.mt_note",
            )
        self._guarded_write({"state": "done"})
        return True

    def action_cancel(self):
        if self.filtered(lambda a: a.state == "done"):
            raise UserError(self.env._("A step carried out cannot be cancelled."))
        self._guarded_write({"state": "cancelled"})
        return True


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _property_setup_dunning(self):
        """Make the property-fee policy the default of every company and let it watch
        the companies' receivable accounts: once, at install (the data file calls it in
        its noupdate part), so an update keeps the policies chosen since."""
        policy = self.env.ref("property_service_desk.credit_policy_property_fees")
        receivables = self.env["account.account"].search(
            [("account_type", "=", "asset_receivable")]
        )
        policy.account_ids = [fields.Command.link(a.id) for a in receivables]
        self.search([]).write({"credit_policy_id": policy.id})
