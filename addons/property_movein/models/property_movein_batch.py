# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate, html2plaintext

_lt = LazyTranslate(__name__)


class PropertyMoveinBatch(models.Model):
    """A move-in batch (入伙批次): the handover plan of one or more buildings, its
    dated preparation activities, and the move-in of each unit."""

    _name = "property.movein.batch"
    _description = "Move-in Batch"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.guarded.mixin"]
    _order = "date_handover desc, id desc"
    _guarded_fields = {
        "state": _lt("Submit Plan, Send Notices or Close"),
        "plan_user_id": _lt("the director's Submit Plan"),
        "plan_date": _lt("the director's Submit Plan"),
        "notice_user_id": _lt("the supervisor's Send Notices"),
        "notice_date": _lt("the supervisor's Send Notices"),
    }
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default=lambda s: "/"
    )
    estate_id = fields.Many2one(
        "property.estate", required=True, index=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(related="estate_id.company_id", store=True, index=True)
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        required=True,
        domain="[('estate_id', '=', estate_id)]",
    )
    date_handover = fields.Date(
        string="Handover From",
        required=True,
        tracking=True,
        help="First day owners can come for their move-in; the preparation activities "
        "are dated back from it.",
    )
    date_handover_end = fields.Date(string="Handover Until", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Preparing"),
            ("planned", "Plan Submitted"),
            ("notified", "Notices Sent"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    plan_user_id = fields.Many2one("res.users", string="Plan Submitted By", readonly=True)
    plan_date = fields.Datetime(string="Plan Submitted On", readonly=True)
    notice_user_id = fields.Many2one("res.users", string="Notices Sent By", readonly=True)
    notice_date = fields.Datetime(string="Notices Sent On", readonly=True)
    movein_ids = fields.One2many("property.movein", "batch_id", string="Units")
    movein_count = fields.Integer(compute="_compute_progress", string="Unit Count")
    done_count = fields.Integer(compute="_compute_progress", string="Moved In")
    progress = fields.Float(compute="_compute_progress", string="Moved In (%)")
    note = fields.Html()

    @api.constrains("date_handover", "date_handover_end")
    def _check_handover_dates(self):
        for batch in self:
            if batch.date_handover_end and batch.date_handover_end < batch.date_handover:
                raise ValidationError(
                    self.env._("The handover period cannot end before it starts.")
                )

    @api.depends("movein_ids.state")
    def _compute_progress(self):
        counts = {
            (batch, state): count
            for batch, state, count in self.env["property.movein"]._read_group(
                [("batch_id", "in", self.ids), ("state", "!=", "cancel")],
                ["batch_id", "state"],
                ["__count"],
            )
        }
        for batch in self:
            total = sum(c for (b, _s), c in counts.items() if b == batch)
            done = counts.get((batch, "done"), 0)
            batch.movein_count = total
            batch.done_count = done
            batch.progress = 100.0 * done / total if total else 0.0

    @api.constrains("building_ids", "estate_id")
    def _check_buildings(self):
        for batch in self:
            foreign = batch.building_ids.filtered(lambda b, e=batch.estate_id: b.estate_id != e)
            if foreign:
                raise ValidationError(
                    self.env._(
                        "%(buildings)s do not belong to %(estate)s.",
                        buildings=", ".join(foreign.mapped("name")),
                        estate=batch.estate_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.movein.batch")
        batches = super().create(vals_list)
        batches._launch_preparation()
        return batches

    def write(self, vals):
        if "date_handover" in vals and self.filtered(lambda b: b.state != "draft"):
            raise UserError(
                self.env._("The handover date is fixed once the director submitted the plan.")
            )
        result = super().write(vals)
        if "date_handover" in vals:
            self._reschedule_preparation()
        return result

    # ------------------------------------------------------------------
    # Preparation: the estate's activity plan, dated back from the handover
    # ------------------------------------------------------------------
    def _launch_preparation(self):
        """Launch the estate's plan as the Odoo plan wizard does; a plan that cannot be
        launched (an estate without its director, say) is refused."""
        for batch in self.filtered("estate_id.movein_plan_id"):
            scheduler = (
                self.env["mail.activity.schedule"]
                .with_context(active_model=batch._name, active_ids=batch.ids)
                .create(
                    {
                        "plan_id": batch.estate_id.movein_plan_id.id,
                        "plan_date": batch.date_handover,
                    }
                )
            )
            if scheduler.has_error:
                raise UserError(html2plaintext(scheduler.error))
            scheduler.action_schedule_plan()

    def _reschedule_preparation(self):
        """A new handover date moves the open preparation activities with it."""
        for batch in self:
            templates = batch.estate_id.movein_plan_id.template_ids
            by_type = {t.activity_type_id: t for t in templates}
            for activity in batch.activity_ids:
                template = by_type.get(activity.activity_type_id)
                if template:
                    activity.date_deadline = template._get_date_deadline(batch.date_handover)

    def _mark_preparation_done(self, xmlid, feedback):
        activity_type = self.env.ref(xmlid, raise_if_not_found=False)
        if activity_type:
            self.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ).action_feedback(feedback=feedback)

    def action_submit_plan(self):
        """The director submits the handover plan, at least a month before the handover."""
        if not self.env.user.has_group("property_service_desk.group_property_director"):
            raise UserError(self.env._("The site director submits the handover plan."))
        for batch in self:
            today = batch.estate_id._local_date()
            if batch.state != "draft":
                raise UserError(
                    self.env._("The plan of %(batch)s is already submitted.", batch=batch.name)
                )
            latest = batch.date_handover - relativedelta(months=batch.estate_id.movein_plan_months)
            if today > latest:
                raise UserError(
                    self.env._(
                        "The handover plan is submitted by %(latest)s at the latest for a "
                        "handover on %(date)s: move the handover date.",
                        latest=latest,
                        date=batch.date_handover,
                    )
                )
            if not batch.movein_ids:
                raise UserError(self.env._("List the units of the batch first."))
            batch.estate_id._check_director(self.env.user)
        self._guarded_write(
            {"state": "planned", "plan_user_id": self.env.uid, "plan_date": fields.Datetime.now()}
        )
        self._mark_preparation_done(
            "property_movein.mail_activity_type_movein_plan", self.env._("Plan submitted.")
        )
        return True

    def action_list_units(self):
        """A move-in for each sold unit of the buildings that has none yet."""
        Movein = self.env["property.movein"]
        for batch in self:
            if batch.state == "closed":
                raise UserError(self.env._("%(batch)s is closed.", batch=batch.name))
            units = self.env["property.unit"].search(
                [
                    ("building_id", "in", batch.building_ids.ids),
                    # the current owners' occupancies, not the computed owners: those
                    # registered in this transaction are not recomputed by a search
                    (
                        "occupancy_ids",
                        "any",
                        [("is_current", "=", True), ("role", "in", ("owner", "co_owner"))],
                    ),
                    ("state", "in", ("vacant", "unsold")),
                ]
            )
            taken = Movein.search([("unit_id", "in", units.ids), ("state", "!=", "cancel")]).unit_id
            Movein.create(
                [
                    {
                        "batch_id": batch.id,
                        "unit_id": unit.id,
                        "partner_id": unit.owner_ids[:1].id,
                    }
                    for unit in units - taken
                ]
            )
        return True

    def action_send_notices(self):
        """Move-in notices, at least 15 days (the estate's lead) before the handover."""
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("The supervisor sends the move-in notices."))
        for batch in self:
            today = batch.estate_id._local_date()
            if batch.state != "planned":
                raise UserError(
                    self.env._("Notices go out once the director submitted the handover plan.")
                )
            latest = batch.date_handover - relativedelta(days=batch.estate_id.movein_notice_days)
            if today > latest:
                raise UserError(
                    self.env._(
                        "Move-in notices go out by %(latest)s at the latest for a handover on "
                        "%(date)s: move the handover date.",
                        latest=latest,
                        date=batch.date_handover,
                    )
                )
        self.movein_ids.filtered(lambda m: m.state == "draft")._send_notice()
        self._guarded_write(
            {
                "state": "notified",
                "notice_user_id": self.env.uid,
                "notice_date": fields.Datetime.now(),
            }
        )
        self._mark_preparation_done(
            "property_movein.mail_activity_type_movein_notices", self.env._("Notices sent.")
        )
        return True

    def action_close(self):
        self._guarded_write({"state": "closed"})
        return True

    def action_view_moveins(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_movein.property_movein_action"
        )
        action["domain"] = [("batch_id", "=", self.id)]
        action["context"] = {"default_batch_id": self.id}
        return action
