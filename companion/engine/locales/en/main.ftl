common-back_to_menu = Menu
common-continue = Continue
common-cancel = Stop
common-yes = Yes
common-no = No
common-stale_button = That button isn't active any more. Here's where we are.
common-unknown_button = I didn't recognise that button. Here's where we are.
picker-previous = ◀ Previous
picker-next = More ▶ ({ $page }/{ $pages })
onboarding-welcome = Hi, I'm Compagnon.
    I'm a program, not a human, and not a therapist. I help you step back from your life online: who you are there, what you want to share, and how to answer a message that hurts without hurting yourself.
    I draw on the ideas of the French book “Réseaux sociaux, mon amour” by Sébastien Ravut.
onboarding-privacy_short = Your data, in short: what you write to me is kept so you can pick up where you left off, never shown to anyone else, never sold or used for ads. You can erase everything at any time with /forget.
    Compagnon is for people aged 15 and over. If that's you and you're OK with this, shall we start?
onboarding-privacy_long = What I keep: your language, your settings, where you are in a conversation, and what you choose to write in your journal. Nothing else.
    Where: in the database of the person or group running this Compagnon. The code is open: anyone can check what it does.
    Never: I never show your words to anyone, never write them in technical logs, never sell them.
    Your voice messages: I transcribe them right here, without sending them anywhere; I keep the text, never the recording.
    Your rights: /forget erases everything about you, right away.
onboarding-accept = I'm 15 or older, I agree
onboarding-under15 = I'm under 15
onboarding-more = More about my data
onboarding-decline = No thanks
onboarding-nudge = To start, I need to know whether you're 15 or older and whether you agree. You can answer with one of the buttons.
onboarding-minor = Thanks for telling me honestly. Compagnon is meant for people aged 15 and over, so I'm not keeping anything from our chat.
    If something is weighing on you, online or elsewhere, trained adults are there for you, for free and without judging:
onboarding-minor_end = You can also talk to an adult you trust. Take care of yourself.
onboarding-declined = No problem, I haven't kept anything. If you change your mind, send /start.
onboarding-done = Thank you. Let's go, at your own pace.
menu-reply = Help me reply to a message
menu-prompt = What would help most right now?
menu-welcome_back =
    { $moment ->
        [evening] Good evening
       *[day] Hello
    }, { $variant ->
        [0] welcome back. Good to see you again.
        [1] good to hear from you. We can pick up wherever you like.
       *[other] thanks for coming back. Where shall we start?
    }
menu-note = Write in my journal
menu-ask = Ask about the themes
menu-settings = Settings
menu-help = What I can do
menu-resume = Pick up where I left off
menu-personnage = My character online
menu-mission = My mission
menu-famille = Talk about it as a family
menu-journal = Read my journal
menu-moi = My portrait, my mission
help-in_flow = (You were in the middle of something: /resume to go back to it.)
cancel-nothing = There was nothing in progress. All good.
resume-nothing = There's nothing to pick up right now.
resume-back = Let's pick up where we were.
fallback-text = I'm not sure I understand. I'm a program: I get along best with buttons and commands. Here's what I can do.
fallback-empty = I didn't get anything to read. Write to me whenever you like.
fallback-too_long = That's long, and that's fine when there's a lot to say. I've kept all of it.
smalltalk-hello = Hello 🙂
smalltalk-how = Kind of you to ask. I'm a program, I don't have moods, but I'm here for you.
smalltalk-thanks = You're welcome. I'm here whenever you like.
smalltalk-bye = See you soon. Take care.
smalltalk-ack = All right. I'm here if you need me.
smalltalk-laugh = 😄
smalltalk-off_topic = That's not really my area: I know about life on social networks, messages that hurt and what we look for there. Anything on that side?
care-checkin = That sounds really heavy. Are you safe right now?
care-safe = Yes, I'm safe
care-unsafe = Not really
care-talk = I need to talk
care-glad = Thank you for telling me. I'm here: you can write what's going on, at your own pace.
care-listening = I'm listening. Write whatever comes, no need for the right words. And if it gets too heavy, a crisis line can answer day and night.
care-resume = What we were doing is waiting for you, whenever you like.
crisis-intro = { $spoken ->
        [yes] What you're telling me
       *[no] What you're writing
    } matters to me and I take it seriously. I'm a program: I can't help the way a person can. But trained people can listen to you, right now:
crisis-danger_intro = What you describe is serious and you don't have to carry it alone. I'm a program: I can't step in, but these people can:
crisis-outro = If you're in immediate danger, call 112 (or your local emergency number). You can also talk to someone close to you. I'm still here if you want to write.
crisis-other_intro = What you describe is worrying for this person, and it's heavy for you too. You can call on their behalf: these lines answer relatives and friends as well.
crisis-if_received = If these are someone else's words, these lines help the people close to them too. You can also forward me their message and we'll talk it through.
crisis-resume = Pick up later
crisis-more =
    { $n ->
        [one] One more number
       *[other] { $n } more numbers
    }
crisis-paused = What we were doing is set aside, nothing is lost: /resume whenever you like.
note-ask = What would you like to keep in your journal today? A thought, a feeling, something you read online…
note-saved = It's in your journal. You wrote: “{ $excerpt }”
note-short = That's a bit short for me. Would you like to say a little more? One sentence is enough.
note-need_text = I'm listening: write your note in a few words.
settings-prompt = Settings: I'm speaking English with you. What would you like to change?
settings-use_vous = Use “vous” in French
settings-agreement_said =
    { $agreement ->
        [feminine] in French, what I write on your behalf uses feminine agreement
        [masculine] in French, what I write on your behalf uses masculine agreement
       *[neutral] in French, what I write on your behalf is phrased to need no agreement
    }
settings-agree_fem = Feminine agreement in French
settings-agree_masc = Masculine agreement in French
settings-agree_neutral = No agreement in French
settings-use_tu = Use “tu” in French
settings-to_english = English please
settings-to_french = En français
settings-done = Done.
settings-close = That's fine
forget-confirm = Do you really want to erase everything? Your journal, settings and progress will be deleted for good.
forget-yes = Yes, erase everything
forget-no = No, keep it
forget-done = Done: I've erased everything. If you'd like to start again one day, send /start.
forget-kept = OK, I won't touch anything.
commands-repondre = Take a moment before replying to a message
commands-start = Start
commands-menu = The menu
commands-note = Write in my journal
commands-question = Ask about the themes
commands-reprendre = Pick up where I left off
commands-reglages = Language, tu or vous
commands-oubli = Erase my data
commands-help = What I can do
commands-cancel = Stop what's in progress
channel-private_only = I work in private chats: write to me directly, what we say stays between us.
channel-error = Oops, something went wrong on my side. Nothing you wrote is lost: you can try again in a moment.
ask-prompt = Ask me your question about life online: trolls, emotions, platforms, screens in the family, AI…
ask-answer = “{ $title }”
    { $gist }
    (Source: { $source })
ask-go_further = To go further: { $question }
ask-full = “{ $title }”

    { $body }

    (Source: { $source })
ask-nothing = I found nothing in my knowledge base on this. I'm only a program and I'd rather tell you than make something up.
ask-more = Read the whole passage
ask-next = Another angle
ask-write = Answer the question
ask-done = Thanks, that's enough

menu-more = More…
menu-more_prompt = Everything else I can do:
menu-plan = My safety plan
help-text = I'm Compagnon, a program (not a human) that helps you live social media with less violence and more meaning.
    What I can do:
    /reply: take a moment before answering a message that hurt you (or just forward it to me)
    /note: write a thought in your journal
    /character: who you were in the schoolyard, who you are online, and your portrait
    /mission: what you really want to share, in one sentence
    /family: prepare a family talk about social media and video games
    /journal: read or delete what you wrote
    /me: your portrait, your mission, your journal in numbers
    /question: ask about the book's themes (trolls, emotions, platforms, family, AI…)
    /reminders: a question of the day, at the time you choose
    /settings: language, and tu or vous in French
    /plan: your safety plan, built together
    /resume: pick up where you left off
    /cancel: stop what we're doing
    /forget: erase everything about you
    You can always go back to the /menu.
cancel-done = OK, we'll stop here. What you've already written is kept: /resume to carry on later.
cancel-dropped = OK, we'll stop here.
fallback-unsupported = I can only read text: stickers, photos or files, I can't see them. Would you like to tell me in a few words?
smalltalk-about = I'm a program, not a person: an open-source companion, made by the people who contribute to the project, from the ideas in Sébastien Ravut's book “Réseaux sociaux, mon amour”. I can help you reply to a message that hurts, take stock of your life online, and keep your journal. What you write to me stays here so you can pick up where you left off, never shown to anyone else: /mydata shows you everything, /forget erases it all.
commands-unknown = I don't know that command. Here's what I can do.
commands-plan = My safety plan
