# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request


class PropertyPatrolController(http.Controller):
    """The page a checkpoint's QR code opens on the patrolling staff's phone: it records
    that they passed there, and when."""

    @http.route(["/patrol/scan/<string:token>"], type="http", auth="user")
    def patrol_scan(self, token, **kw):
        checkpoint = request.env["property.patrol.checkpoint"].search(
            [("token", "=", token)], limit=1
        )
        if not checkpoint:
            raise NotFound()
        try:
            visit = checkpoint._register_scan()
            message = request.env._(
                "%(checkpoint)s: passed at %(time)s.",
                checkpoint=checkpoint.name,
                # the estate's local time, as the guard's watch shows it
                time=checkpoint.estate_id._local_datetime(visit.date).strftime("%H:%M"),
            )
        except UserError as error:
            message = error.args[0]
        page = Markup(
            "<!DOCTYPE html><html><head><meta charset='utf-8'><meta name='viewport' "
            "content='width=device-width, initial-scale=1'></head>"
            "<body style='font-family: sans-serif; font-size: 1.4em; padding: 1em'>"
            "<p>%s</p></body></html>"
        ) % escape(message)
        return request.make_response(page, [("Content-Type", "text/html; charset=utf-8")])
