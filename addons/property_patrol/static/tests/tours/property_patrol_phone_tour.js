import {checkNoSidewaysScroll} from "@property_service_desk/../tests/tours/phone_tour_utils";
import {registry} from "@web/core/registry";

// A patrol round answered on a phone-sized screen (375 × 667).
registry.category("web_tour.tours").add("property_patrol_phone", {
    steps: () => [
        {
            content: "Open the round",
            trigger: ".o_kanban_view .o_kanban_record:contains('Roof patrol')",
            run: "click",
        },
        {
            content: "The round fits the screen",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_kanban_record",
            run: checkNoSidewaysScroll,
        },
        {
            content: "Answer the first check",
            trigger:
                ".o_field_widget[name='line_ids'] .o_kanban_record:contains('Fire doors closed')",
            run: "click",
        },
        {
            content: "It failed",
            trigger: ".modal .o_field_widget[name='result'] input[data-value='failed']",
            run: "click",
        },
        {
            content: "What is wrong",
            trigger: ".modal .o_field_widget[name='note'] input",
            run: "edit Door wedged open",
        },
        {
            content: "Keep the answer",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The card shows it",
            trigger:
                ".o_field_widget[name='line_ids'] .o_kanban_record:contains('Door wedged open')",
        },
        {
            content: "Open the finding again",
            trigger:
                ".o_field_widget[name='line_ids'] .o_kanban_record:contains('Door wedged open')",
            run: "click",
        },
        {
            content: "Make it a repair request from the phone",
            trigger: ".modal button[name='action_make_request']",
            run: "click",
        },
        {
            content: "The finding shows its request",
            trigger: ".modal .o_field_widget[name='ticket_id']:not(:empty)",
        },
        {
            content: "Close the finding",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The card links the request",
            trigger:
                ".o_field_widget[name='line_ids'] .o_kanban_record:contains('Door wedged open'):contains(' - Fire doors closed')",
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
