personnage-command = My character online
personnage-intro = "My character": a short trip in seven questions, from your first schoolyard to your social media today.
    No right answer, no grade: you write what comes, I reflect back what I hear, and everything stays in your journal. You can skip a question, or take a break and come back later with /resume.
    At the end, I'll suggest a portrait you can correct and keep.
personnage-start = Let's go
personnage-stop = Take a break
personnage-skip = Skip this question
personnage-next = Next question
personnage-finale = See my portrait
personnage-picked = These are my feelings
personnage-progress = ({ $n }/{ $total })
personnage-nudge_short = That's a bit short for me to reflect anything back. A few more words are enough; and if you'd rather not, you can skip this question.
personnage-nudge_offtopic = I'm not sure that answers the question, so here it is again. You can also skip it, no problem.
personnage-echo = You write: “{ $excerpt }”
personnage-echo_long = You wrote a lot, and that's valuable: all of it is kept as it is in your journal. In short: “{ $excerpt }”
personnage-echo_again = You had written: “{ $excerpt }”
personnage-felt = In your words, I hear: { $feelings }.
personnage-passage = A passage about this, “{ $title }” ({ $source }): { $gist }
personnage-paused = Let's take a break. Everything you wrote is kept. Whenever you like, /resume (or "Pick up" in the menu) brings you back here.
personnage-paused_question = Let's take a break. Your answers are kept in your journal. Whenever you like, /resume (or "Pick up" in the menu) brings you back to question { $n }/{ $total }.
personnage-use_buttons = I'm a program: here, I get along best with the buttons. You can also type "skip", "pause" or "continue".
personnage-selected = Chosen so far: { $feelings }
personnage-feelings_only = Before and after posting: { $feelings }.
personnage-portrait_draft = Here's a first portrait, made from your own words:

    { $portrait }

    It's yours: keep it as it is, or correct it. You can also just type your own version.
personnage-portrait_yours = Here's your version:

    { $portrait }

    Shall I keep this portrait?
personnage-portrait_empty = You skipped every question, and that's fine. If you like, write your portrait yourself in a few sentences: who you were in the schoolyard, who you are online today.
personnage-portrait_keep = Keep it
personnage-portrait_edit = Correct it
personnage-write = Write your portrait the way you feel it, in a few sentences. I'll keep your version.
personnage-write_short = That's a bit short for a portrait. A few sentences are enough.
personnage-write_back = Keep the suggested one
personnage-kept = Kept. You'll find your portrait with /me, and your answers in /journal. Thank you for taking this time for yourself.
personnage-portrait_line-school = In my first schoolyard: “{ $text }”
personnage-portrait_line-role = The character I played there: “{ $text }”
personnage-portrait_line-truth = What I needed to show of myself: “{ $text }”
personnage-portrait_line-networks = Online, today: “{ $text }”
personnage-portrait_line-feel = Before and after posting: “{ $text }”
personnage-portrait_line-seek = What I come looking for: “{ $text }”
personnage-portrait_line-gap = Between the schoolyard and today: “{ $text }”
personnage-school-ask = Go back to your first schoolyard. Among the others, who were you? The clown, the quiet one, the leader of the gang, the one nobody picked for the team… Tell it in your own words.
personnage-school-mirror = We find these places early, often to be accepted or just left in peace. They don't say everything about you, but they leave traces.
personnage-role-ask = What character did you play in that schoolyard, and what did it give you? Attention, protection, friends…
personnage-role-mirror = A character often helps: it protects, it reassures, it opens doors. Seeing what it gave you is already understanding it.
personnage-truth-ask = What truth about yourself did you need to show the others? And maybe, which one did you prefer to keep hidden?
personnage-truth-mirror = What we need to show often says something about what we need: to be seen, recognised, respected.
personnage-networks-ask = Today, which social networks are you on, and what character do you play on each? LinkedIn is not Instagram, a group of friends is not TikTok.
personnage-networks-mirror = Having different sides in different places is human. The real question might be: which one feels like you, which one wears you out?
personnage-feel-ask = Just before posting, and just after, what do you feel? Pick from the list, type it, or both.
personnage-feel-mirror = These feelings are signals, not faults: they show what matters to you when you post.
personnage-seek-ask = What do you come looking for on social media? Real relationships, recognition, thrills, a way to pass the time… Nobody judges here.
personnage-seek-mirror = Looking for connection, recognition or a boost is fair enough. Knowing it helps you choose what you do there.
personnage-gap-ask = Between the child in the schoolyard and the person you show online today, what gap do you see? What has changed, what has stayed?
personnage-gap-mirror = Seeing the gap already gives you a choice: keep this character, lighten it, or write another one.
mission-command = My mission online
mission-intro = "My mission": six questions to see what you really want to share online, with whom, and why.
    At the end, I'll suggest a one-sentence mission made from your words, which you can rewrite and keep. You can skip a question or take a break at any time (/resume to come back).
mission-start = Let's go
mission-stop = Take a break
mission-skip = Skip this question
mission-next = Next question
mission-finale = See my mission sentence
mission-progress = ({ $n }/{ $total })
mission-nudge_short = That's a bit short for me to reflect anything back. A few more words are enough; and if you'd rather not, you can skip this question.
mission-nudge_offtopic = I'm not sure that answers the question, so here it is again. You can also skip it, no problem.
mission-echo = You write: “{ $excerpt }”
mission-echo_long = You wrote a lot, and that's valuable: all of it is kept as it is in your journal. In short: “{ $excerpt }”
mission-echo_again = You had written: “{ $excerpt }”
mission-felt = In your words, I hear: { $feelings }.
mission-passage = A passage about this, “{ $title }” ({ $source }): { $gist }
mission-paused = Let's take a break. Everything you wrote is kept. Whenever you like, /resume (or "Pick up" in the menu) brings you back here.
mission-paused_question = Let's take a break. Your answers are kept in your journal. Whenever you like, /resume (or "Pick up" in the menu) brings you back to question { $n }/{ $total }.
mission-use_buttons = I'm a program: here, I get along best with the buttons. You can also type "skip", "pause" or "continue".
mission-suggest = Share { $what } with { $whom }.
mission-suggest_dream = Share { $what } with { $whom }, with this dream in mind: { $dream }.
mission-whom_default = the people who read me
mission-statement = Here's a mission sentence made from your words:

    “{ $mission }”

    It belongs to you: keep it, or rewrite it your way. You can also just type your own sentence.
mission-statement_empty = You skipped the questions about what you love to share, so I have no sentence to suggest. Write your mission in one sentence, as it comes.
mission-keep_it = Keep it
mission-rewrite_it = Rewrite it
mission-confirm_it = Yes, that's my mission
mission-back = Back to the suggestion
mission-rewrite = Write your mission in one sentence, your way.
mission-rewrite_short = That's a bit short. One sentence is enough, even a simple one.
mission-rewrite_long = That's a lot for one sentence. Try to keep the heart of it, in under 300 characters.
mission-confirm = Your mission:

    “{ $mission }”

    Is that it?
mission-kept = Noted. Your mission: “{ $mission }”
    You'll find it with /me, and your answers in /journal.
mission-love-ask = What do you really love to share online, or would love to share if you dared?
mission-love-mirror = What we love to share is often the strongest thread: it's where we are most ourselves.
mission-drive-ask = What motivates you when you share it? What fills you up, what does you good?
mission-drive-mirror = What feeds you matters as much as what you show: it's what makes you want to keep going.
mission-dream-ask = And if you dig a little: what dream, what deep wish might be behind it?
mission-dream-mirror = A dream doesn't need to be big to guide you. It gives a direction to small everyday gestures.
mission-whom-ask = Who do you want to reach with what you share?
mission-whom-mirror = Knowing who you're talking to changes how you talk: we choose our words better when we see the faces behind the screen.
mission-why-ask = Why are you speaking to these people? When they read you, what should they understand straight away, and what do they need?
mission-why-mirror = Putting yourself in the reader's shoes is the heart of digital empathy: the other person quickly understands why you're talking to them.
mission-stop_sharing-ask = What will you stop sharing, because it doesn't feel like you or doesn't help anyone?
mission-stop_sharing-mirror = Choosing what you no longer share is also a way of saying what matters.
famille-command = Talk about social media as a family
famille-intro = "As a family": a short guide to talk about social media and video games at home, without a lecture.
    Together we prepare a round-table talk in a few steps, then you write down what was said. You can take a break before the talk and come back afterwards with /resume.
famille-start = Start
famille-stop = Take a break
famille-skip = Skip this step
famille-next = Next step
famille-finale = Finish
famille-progress = ({ $n }/{ $total })
famille-nudge_short = That's a bit short for me to reflect anything back. A few more words are enough; and if you'd rather not, you can skip this step.
famille-nudge_offtopic = I'm not sure that answers the question, so here it is again. You can also skip this step.
famille-echo = You write: “{ $excerpt }”
famille-echo_long = You wrote a lot, and that's valuable: all of it is kept as it is in your journal. In short: “{ $excerpt }”
famille-echo_again = You had written: “{ $excerpt }”
famille-felt = In your words, I hear: { $feelings }.
famille-passage = A passage about this, “{ $title }” ({ $source }): { $gist }
famille-paused = Let's take a break. Everything you wrote is kept. Whenever you like, /resume (or "Pick up" in the menu) brings you back here.
famille-paused_question = Let's take a break. Your answers are kept in your journal. Whenever you like, /resume (or "Pick up" in the menu) brings you back to step { $n }/{ $total }.
famille-use_buttons = I'm a program: here, I get along best with the buttons. You can also type "skip", "pause" or "continue".
famille-again = These talks work best when they come back now and then. Would you like me to suggest another one in a month?
famille-again_yes = Yes, in a month
famille-again_no = No thanks
famille-scheduled = Noted: I'll suggest it again in a month. Your debrief is in your journal (/journal).
famille-done = OK. Your debrief is in your journal (/journal). You can open this guide again whenever you like with /family.
famille-follow_up = A month ago, you prepared a family talk about social media. Fancy another round? Your notes from last time are in /journal.
famille-follow_up_start = Another round-table talk
famille-likes-ask = The round table starts with one single question, asked to everyone, parents included: "And you, what do you like on social media?"
    One rule: everyone answers in turn, nobody interrupts, nobody mocks.
    To get ready, answer it for yourself first: what do you like on social media?
famille-likes-mirror = Starting with what people like shows you're really interested, before talking about what worries you. Your honest answer will set the tone.
famille-dislikes-ask = Second round, same rule: what do people dislike or find uncomfortable on social media? Your own answer, and what you expect to hear.
famille-dislikes-mirror = Hearing what bothers the other person without correcting it straight away: that's often where trust is won.
famille-risky-ask = Third round: what feels risky? For you, and for your children: strangers, photos, bullying, time slipping away…
famille-risky-mirror = Naming the risks together rather than imposing them helps everyone recognise them on the day they show up.
famille-games-ask = And video games? The same three rounds: what people like, what bothers them, what feels risky. What would you say?
famille-games-mirror = Games are often a place of friendship and pride for children. Taking an interest opens a door.
famille-example-ask = Leading by example: what do you do with your own phone? At the table, in the evening, when a child talks to you… What would you like to change?
famille-example-mirror = Children watch what we do more than they listen to what we say. A small change on your side often beats a new rule.
famille-debrief-ask = The debrief, after the talk: what was said, what surprised you, what do you decide together? If the talk hasn't happened yet, take a break here and come back with /resume.
famille-debrief-mirror = Keeping a record of this moment lets you come back to it, see what changes, and do another round later.
journal-command = Read my journal
journal-date_format = %Y-%m-%d
journal-header = Your journal, newest first ({ $first } to { $last } of { $total }):
journal-line = { $n }. { $date }, { $kind } — “{ $excerpt }”
journal-open = #{ $n }
journal-prev = ◀ Newer
journal-next = Older ▶
journal-close = Close
journal-empty = Your journal is empty for now. /note to write a thought in it, or /character to start a journey.
journal-entry = { $date }, { $kind }
journal-entry_question = Question: { $question }
journal-entry_feelings = Feelings: { $feelings }
journal-delete = Delete
journal-back = Back to the list
journal-confirm = Delete this entry for good? “{ $excerpt }” (this can't be undone)
journal-delete_yes = Yes, delete
journal-delete_no = No, keep it
journal-deleted = Deleted.
journal-gone = I can't find this entry any more: it may have been deleted already.
journal-kind-note = Note
journal-kind-reflection = Reflection
journal-kind-personnage = My character
journal-kind-mission = My mission
journal-kind-famille = As a family
journal-kind-reply = Before replying
moi-command = My portrait, my mission
moi-header = Here's what I've kept from our conversations:
moi-portrait = Your portrait:
    { $portrait }
moi-no_portrait = No portrait yet: /character to make one.
moi-mission = Your mission: “{ $mission }”
moi-no_mission = No mission sentence yet: /mission to write one.
moi-counts = Your journal: { $total } entry(ies)
moi-count = • { $kind }: { $n }
moi-no_entries = Your journal is still empty.
moi-journal = Read my journal
moi-do_portrait = Make my portrait
moi-redo_portrait = Redo my portrait
moi-do_mission = Write my mission
moi-redo_mission = Revisit my mission
moi-close = Close
