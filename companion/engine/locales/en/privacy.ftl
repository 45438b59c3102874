privacy-command = Get everything Compagnon keeps about me
privacy-export_ready = Here is everything I keep about you, in two files: a readable one (Markdown) and a complete one for machines (JSON). You can erase it all at any time with /forget.
privacy-md_title = My data at Compagnon
privacy-md_intro = Everything Compagnon keeps about you, exported on { $date }. The attached JSON file holds the same data, complete.
privacy-md_nothing = (nothing)
privacy-md_rows =
    { $count ->
        [one] { $count } row
       *[other] { $count } rows
    }
privacy-table-users = Profile
privacy-table-conversation_states = Where we are in the conversation
privacy-table-journal_entries = Journal
privacy-table-reminder_settings = Reminders
privacy-table-follow_ups = Planned messages
privacy-table-reminder_deliveries = Reminders sent
privacy-table-flood_windows = Burst counter
flood-notice = You are writing very fast! I read messages one at a time, so I will not read those of the next few seconds. Take your time, then send me again what matters.
fault-db_down = I'll be right back: something is wrong on my side. I keep your message and will answer as soon as it is fixed.
fault-db_gave_up = Sorry, the problem is lasting longer than expected and I could not read your last message. Please send it again in a few minutes.
fault-edited = I see you edited a message: I don't read edited messages again. If it matters, send it again as it is.
