import {checkNoSidewaysScroll} from "@property_service_desk/../tests/tours/phone_tour_utils";
import {registry} from "@web/core/registry";

// The move-in form used at the handover, on a phone-sized screen (375 × 667).
registry.category("web_tour.tours").add("property_movein_phone", {
    steps: () => [
        {
            content: "Open the move-in",
            trigger: ".o_kanban_view .o_kanban_record:contains('PHONE-101')",
            run: "click",
        },
        {
            content: "The form fits the screen",
            trigger: ".o_form_view .o_field_widget[name='progress']",
            run: checkNoSidewaysScroll,
        },
        {
            content: "Developer tab",
            trigger: ".o_notebook a[name='developer']",
            run: "click",
        },
        {
            content: "Who in the developer's sales verified the buyer",
            trigger: ".o_field_widget[name='sales_verifier'] input",
            run: "edit Ms Sun",
        },
        {
            content: "Stamp the step: its button is in reach",
            trigger: ".o_statusbar_buttons button[name='action_confirm_eligibility']",
            run: "click",
        },
        {
            content: "The next step is the developer's finance",
            trigger:
                ".o_form_view .o_field_widget[name='current_step']:contains('Finance')",
        },
        {
            content: "Inspection tab",
            trigger: ".o_notebook a[name='inspection']",
            run: "click",
        },
        {
            content: "The inspection items are cards",
            trigger:
                ".o_field_widget[name='inspection_line_ids'] .o_kanban_record:contains('Front door')",
            run: "click",
        },
        {
            content: "Record a defect",
            trigger: ".modal .o_field_widget[name='result'] input[data-value='defect']",
            run: "click",
        },
        {
            content: "Describe it",
            trigger: ".modal .o_field_widget[name='defect'] input",
            run: "edit Lock sticks",
        },
        {
            content: "Keep the line",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The card shows the defect",
            trigger:
                ".o_field_widget[name='inspection_line_ids'] .o_kanban_record:contains('Lock sticks')",
            run: checkNoSidewaysScroll,
        },
        {
            content: "Back to the list: the form is saved on the way",
            trigger: ".o_back_button, .breadcrumb-item a",
            run: "click",
        },
        {
            // the list's own cards, not the lines of the form being left: the tour ends
            // once the form is saved and closed
            content: "The cards again",
            trigger: ".o_action.o_kanban_view:not(:has(.o_form_view)) .o_kanban_record",
        },
    ],
});
