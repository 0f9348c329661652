"""Fictional demo content for the ``seed_demo`` management command.

Every person, company, club and event described here is invented. Real countries,
cities and institutions appear only as places and settings.
"""

from __future__ import annotations

SECTIONS = [
    {
        "name": "International",
        "slug": "international",
        "description": "News, diplomacy and analysis from our correspondents around the world.",
        "position": 1,
        "is_active": True,
    },
    {
        "name": "Politics",
        "slug": "politics",
        "description": "Westminster, devolved government and town hall politics, explained.",
        "position": 2,
        "is_active": True,
    },
    {
        "name": "Business",
        "slug": "business",
        "description": "Companies, jobs, markets and the economy that shapes household budgets.",
        "position": 3,
        "is_active": True,
    },
    {
        "name": "Crime",
        "slug": "crime",
        "description": "Courts, policing and public safety across the region.",
        "position": 4,
        "is_active": True,
    },
    {
        "name": "Property",
        "slug": "property",
        "description": "Housing, planning, rents and the homes market.",
        "position": 5,
        "is_active": True,
    },
    {
        "name": "Community",
        "slug": "community",
        "description": "The people, groups and volunteers who keep our neighbourhoods going.",
        "position": 6,
        "is_active": True,
    },
    {
        "name": "Sport",
        "slug": "sport",
        "description": "Results, reports and features from the professional game to grassroots clubs.",
        "position": 7,
        "is_active": True,
    },
    {
        "name": "Opinion",
        "slug": "opinion",
        "description": "Columns, comment and argument from our writers and guest contributors.",
        "position": 8,
        "is_active": True,
    },
    {
        "name": "Archive",
        "slug": "archive",
        "description": "Older coverage kept for reference and no longer shown in navigation.",
        "position": 9,
        "is_active": False,
    },
]

AUTHORS = [
    {
        "username": "amara.okafor",
        "first_name": "Amara",
        "last_name": "Okafor",
        "bio": "Amara Okafor is our international correspondent, covering diplomacy, conflict and humanitarian affairs. She previously reported from Nairobi and Brussels.",
    },
    {
        "username": "daniel.hartley",
        "first_name": "Daniel",
        "last_name": "Hartley",
        "bio": "Daniel Hartley is political editor, covering Westminster and local government. He joined after eight years reporting on councils for a regional daily.",
    },
    {
        "username": "priya.raman",
        "first_name": "Priya",
        "last_name": "Raman",
        "bio": "Priya Raman is business editor, writing about companies, jobs and the economy. She was formerly an economics reporter for a financial news agency.",
    },
    {
        "username": "callum.mcbride",
        "first_name": "Callum",
        "last_name": "McBride",
        "bio": "Callum McBride is crime and courts correspondent. He has covered the region’s courts, police and justice system for more than a decade.",
    },
    {
        "username": "sofia.lindqvist",
        "first_name": "Sofia",
        "last_name": "Lindqvist",
        "bio": "Sofia Lindqvist is property and planning correspondent. She trained as a town planner before moving into journalism.",
    },
    {
        "username": "gareth.pryce",
        "first_name": "Gareth",
        "last_name": "Pryce",
        "bio": "Gareth Pryce is a sports writer covering football, rugby and cricket, with a particular soft spot for the non-league and grassroots game.",
    },
    {
        "username": "eleanor.fairlie",
        "first_name": "Eleanor",
        "last_name": "Fairlie",
        "bio": "Eleanor Fairlie is community editor and writes a weekly column on life in the region’s towns and villages. She has worked in local newspapers for 20 years.",
    },
]

# A live blog: the story as any other, and its updates, oldest first, each
# posted `minutes_ago` before the seed runs.
LIVE_BLOG = {
    "section": "politics",
    "headline": "Leeds Central by-election count: live",
    "standfirst": "Results, turnout and reaction from the count at Leeds Arena as the votes in the Leeds Central by-election are verified, counted and declared overnight.",
    "dateline": "LEEDS",
    "authors": ["daniel.hartley", "journalist"],
    "tags": ["Elections", "Local government"],
    "lead": [
        "Voters in Leeds Central chose a new MP on Thursday after the resignation of the sitting member in the autumn. Eight candidates stood; polls closed at 10pm and the count is taking place at Leeds Arena. Follow the night here as it happens.",
    ],
    "subheadings": [
        {
            "heading": "What is at stake",
            "paragraphs": [
                "The seat has been held by the same party since 1983, with a majority of 11,200 at the last general election. Both main challengers have campaigned on housing and bus services, and a high turnout in the student wards could decide the result.",
            ],
            "quote": "",
        },
        {
            "heading": "How the count works",
            "paragraphs": [
                "Ballot boxes arrive from 74 polling stations. Papers are verified against the number issued at each station before counting begins; a recount can be requested by any candidate if the margin is narrow.",
            ],
            "quote": "",
        },
    ],
    "hero_alt": "Counting staff at long tables sort ballot papers under the lights of an arena",
    "hero_caption": "The count at Leeds Arena.",
    "hero_credit": "Photograph: Tom Reyes/Newsroom",
    "hours_ago": 3,
    "status": "published",
    "updates": [
        {
            "minutes_ago": 170,
            "author": "daniel.hartley",
            "headline": "Polls close",
            "key_event": True,
            "text": "Polls have closed in Leeds Central. The first ballot boxes are expected at the arena within half an hour.",
        },
        {
            "minutes_ago": 140,
            "author": "journalist",
            "headline": "",
            "key_event": False,
            "text": "The first boxes have arrived from the Hyde Park and Woodhouse stations, where turnout is said to be high. Verification has started at 12 tables.",
        },
        {
            "minutes_ago": 95,
            "author": "daniel.hartley",
            "headline": "Turnout announced",
            "key_event": True,
            "text": "Turnout is 41.8%, down from 58.3% at the general election but high for a by-election in winter.",
            "correction": "An earlier version of this update gave the turnout as 48.1%.",
        },
        {
            "minutes_ago": 60,
            "author": "journalist",
            "headline": "",
            "key_event": False,
            "text": "Candidates are arriving. Party agents at the tables say the race between the two front-runners is close in the city-centre wards.",
        },
        {
            "minutes_ago": 25,
            "author": "daniel.hartley",
            "headline": "Recount requested",
            "key_event": True,
            "text": "One of the front-runners has asked for a recount of the bundles from two wards. The returning officer has agreed; the declaration is now expected after 3am.",
        },
        {
            "minutes_ago": 5,
            "author": "journalist",
            "headline": "",
            "key_event": False,
            "text": "The recount is under way. Counting staff have been brought back from the verification tables to speed it up.",
        },
    ],
}

STORIES = [
    # ------------------------------------------------------------------
    # International
    # ------------------------------------------------------------------
    {
        "section": "international",
        "headline": "Ceasefire talks resume in Geneva as aid convoys wait at border",
        "standfirst": "Negotiators returned to the table in Geneva after a fortnight’s pause, while more than 200 lorries of food and medicine remained parked at a closed crossing awaiting a guarantee of safe passage.",
        "dateline": "SWITZERLAND",
        "authors": ["amara.okafor"],
        "tags": ["Diplomacy", "Aid"],
        "lead": [
            "Mediators reopened ceasefire talks in Geneva on Tuesday, bringing the two delegations back into the same building for the first time in a fortnight as humanitarian agencies warned that supplies stockpiled at a closed border crossing were beginning to spoil. Officials at the United Nations said the first session lasted just under four hours and focused on the mechanics of a local truce rather than a wider settlement.",
            "Diplomats involved described the mood as cautious but workmanlike. Neither side has publicly committed to a date for a ceasefire, and both delegations issued short statements afterwards blaming the other for the collapse of the previous round of talks, which ended abruptly at the end of last month.",
        ],
        "subheadings": [
            {
                "heading": "A narrow agenda",
                "paragraphs": [
                    "The talks are being chaired by a team from the UN’s political affairs department, supported by envoys from Norway and Qatar. According to a draft agenda seen by Newsroom, the first days will be devoted to a 72-hour pause around the crossing, a mechanism for reporting violations and the release of detained aid workers.",
                ],
                "quote": "",
            },
            {
                "heading": "Aid waits at the crossing",
                "paragraphs": [
                    "More than 200 lorries carrying flour, medical kits and water purification tablets have been parked on the approach road for nine days. Drivers sleep in their cabs, and agencies say some perishable supplies, including infant formula and vaccines that need refrigeration, will have to be replaced if the crossing does not reopen by the weekend.",
                ],
                "quote": "“We cannot wait another week,” said Leila Haddad, a coordinator for the convoy.",
            },
            {
                "heading": "Pressure from donors",
                "paragraphs": [
                    "Donor governments meeting separately in Geneva have pledged a further $340m for the region this year, but several delegations made clear that further money would depend on access. One European official said there was little point in funding supplies that could not be delivered to the people who needed them.",
                    "The World Food Programme estimates that 1.1 million people in the border districts rely on food assistance, up from around 700,000 at the start of the year. Its staff say markets in the main towns are functioning only intermittently and that prices for staples such as flour and cooking oil have roughly doubled.",
                ],
                "quote": "",
            },
            {
                "heading": "Lessons from the last round",
                "paragraphs": [
                    "The previous round of talks broke down over the sequencing of prisoner releases, with each side insisting the other move first. Mediators are understood to have proposed a simultaneous exchange overseen by the International Committee of the Red Cross, which has carried out similar operations in the region before.",
                ],
                "quote": "",
            },
            {
                "heading": "What happens next",
                "paragraphs": [
                    "Delegations are expected to remain in Geneva until at least Friday. A UN spokesperson, Mathilde Brunner, said the organisation would brief the Security Council next week regardless of the outcome, and that a technical team was ready to travel to the crossing within 24 hours of any agreement being signed.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Rows of white lorries parked along a dusty road beneath hills, with drivers standing beside their cabs",
        "hero_caption": "Aid lorries queue on the approach to the closed crossing, where some have waited for nine days.",
        "hero_credit": "Photograph: Tom Reyes/Newsroom",
        "hours_ago": 20,
        "status": "published",
    },
    {
        "section": "international",
        "headline": "Kenyan farmers switch to sorghum as a third failed rainy season bites",
        "standfirst": "In the dry counties of eastern Kenya, smallholders are abandoning maize for hardier grains after three poor rainy seasons, backed by seed programmes that aid agencies hope will reduce reliance on emergency food.",
        "dateline": "KENYA",
        "authors": ["amara.okafor"],
        "tags": ["Agriculture", "Climate", "Aid"],
        "lead": [
            "Smallholders across the eastern counties are pulling up maize and planting sorghum and millet in record numbers after a third consecutive rainy season delivered less than half the usual rainfall. Agricultural officers in Kitui and Makueni say the area under drought-tolerant grains has roughly doubled in two years, a shift once resisted by farmers who regarded sorghum as a crop of last resort.",
        ],
        "subheadings": [
            {
                "heading": "A crop with a reputation",
                "paragraphs": [
                    "For decades maize has been the staple of choice, both on the plate and in government seed subsidies. Sorghum, which needs around a third less water, was associated with hard times and fetched low prices at market. That is beginning to change as brewers and animal feed producers sign contracts guaranteeing a minimum price per kilogram.",
                ],
                "quote": "“My father would have laughed at me for growing this, but my maize has failed three times and this has not,” said Grace Mwende, who farms four acres near Mwingi.",
            },
            {
                "heading": "Seeds and storage",
                "paragraphs": [
                    "A programme run by a coalition of aid agencies and the county governments has distributed certified seed to about 38,000 households this year, alongside airtight storage bags that keep grain free of pests for up to a year. Organisers say losses after harvest, rather than poor yields, have often decided whether a family gets through the dry months.",
                    "The scheme costs roughly $45 per household per season, including training visits from extension officers. Its backers argue that compares favourably with emergency food distribution, which they estimate costs several times as much once transport, storage and security in remote areas are included.",
                ],
                "quote": "",
            },
            {
                "heading": "The limits of adaptation",
                "paragraphs": [
                    "Researchers caution that changing crops can only go so far. A study by the University of Nairobi found that even sorghum yields fell by a quarter in the worst-affected wards last season, and warned that water harvesting, soil conservation and access to credit would matter as much as seed choice if households were to cope with longer droughts.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A woman in a headscarf inspects tall red sorghum heads in a dry field under a pale sky",
        "hero_caption": "Grace Mwende checks her sorghum crop near Mwingi, where maize harvests have failed three years running.",
        "hero_credit": "Photograph: Kemi Adeyemi/Newsroom",
        "hours_ago": 52,
        "status": "published",
    },
    {
        "section": "international",
        "headline": "Rhine towns begin clean-up as floodwater recedes after a week of heavy rain",
        "standfirst": "Residents in towns along the middle Rhine have started clearing mud from homes and shops after the river peaked at its highest level in more than two decades, with damage estimated at hundreds of millions of euros.",
        "dateline": "GERMANY",
        "authors": ["amara.okafor"],
        "tags": ["Climate", "Environment"],
        "lead": [
            "Residents in towns along the middle Rhine began shovelling mud from cellars and ground-floor shops on Sunday as the river fell steadily after peaking at its highest level in more than two decades. Emergency services said the water at Koblenz had dropped by almost a metre overnight, allowing engineers to inspect flood walls and reopen several riverside roads closed since midweek.",
            "No deaths were reported, which officials attributed to early warnings and the evacuation of about 4,000 people from low-lying streets. Regional authorities have put the initial cost of the damage at between €300m and €400m, though they stressed that the figure would rise once insurers had assessed businesses along the river.",
        ],
        "subheadings": [
            {
                "heading": "Counting the cost",
                "paragraphs": [
                    "In the old town of Boppard, shopkeepers carried ruined stock into skips lined along the promenade. Many had moved goods upstairs after warnings on Wednesday, but the speed of the final rise caught some out. The local chamber of commerce said about 180 businesses had been affected, most of them small family firms serving the tourist trade.",
                ],
                "quote": "“We lifted everything we could onto the tables, and then the water came up over the tables,” said Klaus Wendt, who runs a bakery near the ferry landing.",
            },
            {
                "heading": "Shipping halted",
                "paragraphs": [
                    "Commercial shipping on the river, a vital route for coal, grain and chemicals, has been suspended for six days along a 150-kilometre stretch. The federal waterways agency said it hoped to allow vessels to move again by midweek, once debris had been cleared and navigation markers checked. Industry groups estimate the closure is costing about €25m a day.",
                ],
                "quote": "",
            },
            {
                "heading": "Questions over defences",
                "paragraphs": [
                    "The floods have revived a debate about whether defences built after earlier disasters are still adequate. Hydrologists at the regional environment ministry said rainfall in the catchment over five days had been roughly twice the monthly average, and that similar events were now expected far more often than the flood walls had been designed to cope with.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Residents in wellington boots shovel brown mud out of a shop doorway on a cobbled street",
        "hero_caption": "Shopkeepers in Boppard clear mud from their premises as the Rhine falls back after a week of flooding.",
        "hero_credit": "Photograph: Nadia Kowalczyk/Newsroom",
        "gallery": {
            "title": "The clean-up in pictures",
            "after_paragraph": 3,
            "photos": [
                {
                    "alt": "A line of skips along a riverside promenade, piled with ruined furniture",
                    "caption": "Skips line the promenade in Boppard as shopkeepers clear ruined stock.",
                    "credit": "Photograph: Nadia Kowalczyk/Newsroom",
                },
                {
                    "alt": "A baker in an apron stands in his empty shop, a tide mark on the wall behind him",
                    "caption": "Klaus Wendt in his bakery near the ferry landing; the water rose above the tables.",
                    "credit": "Photograph: Nadia Kowalczyk/Newsroom",
                },
                {
                    "alt": "Barges moored in a row on a wide brown river under a grey sky",
                    "caption": "Barges wait at Koblenz while shipping on a 150-kilometre stretch stays suspended.",
                    "credit": "Photograph: Jonas Richter/Newsroom",
                },
                {
                    "alt": "Volunteers pass sandbags hand to hand along a flood wall",
                    "caption": "Volunteers take down sandbag walls as the river falls back.",
                    "credit": "Photograph: Nadia Kowalczyk/Newsroom",
                },
            ],
        },
        "hours_ago": 7,
        "status": "published",
    },
    {
        "section": "international",
        "headline": "US port strike deal eases fears for British exporters ahead of busy season",
        "standfirst": "A tentative agreement between dockworkers and employers on the US east coast has ended a four-day stoppage that left British manufacturers and distillers worried about missing the pre-Christmas shipping window.",
        "dateline": "UNITED STATES",
        "authors": ["amara.okafor", "priya.raman"],
        "tags": ["Trade", "Employment"],
        "lead": [
            "Dockworkers and port employers on the east coast of the United States reached a tentative agreement late on Thursday, ending a four-day strike that had halted container traffic at more than a dozen ports from Maine to Texas. Cranes were moving again at Baltimore and Savannah by Friday morning, though shipping lines warned it would take several weeks to clear the backlog.",
        ],
        "subheadings": [
            {
                "heading": "A six-year settlement",
                "paragraphs": [
                    "Under the proposed deal, which still needs to be ratified by union members, wages would rise by about 60 per cent over six years. Negotiators also agreed to set up a joint committee on automation, the issue that had proved hardest to resolve. Neither side released full details, saying the text would be published after the ratification vote.",
                ],
                "quote": "",
            },
            {
                "heading": "Relief in Britain",
                "paragraphs": [
                    "In Britain, exporters who sell heavily into the American market welcomed the news. The United States is the UK’s largest single export market for goods, and trade bodies said hundreds of containers of machinery parts, pharmaceuticals and food and drink had been stuck on the quayside or held at sea during the stoppage.",
                ],
                "quote": "“Another fortnight and we would have missed the Christmas shelves entirely,” said Fiona Strachan, export manager at a family-owned distillery in Speyside.",
            },
            {
                "heading": "A backlog to clear",
                "paragraphs": [
                    "Freight analysts said as many as 45 container ships had been waiting off the coast when the strike ended. Clearing them will take time, and some British firms are likely to face higher storage charges and delays of two to three weeks. The British Chambers of Commerce urged members to speak to their freight forwarders before committing to new delivery dates.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Stacked shipping containers and idle cranes at a large port under a grey sky",
        "hero_caption": "Container cranes stood idle at Baltimore during the four-day stoppage, which ended late on Thursday.",
        "hero_credit": "Photograph: Tom Reyes/Newsroom",
        "hours_ago": 140,
        "status": "published",
    },
    {
        "section": "international",
        "headline": "Brazil turns to satellites and AI to catch illegal logging in the Amazon",
        "standfirst": "A new monitoring system combining daily satellite imagery with machine learning is flagging suspected illegal clearance within hours rather than weeks, but enforcement officers say the hard part remains reaching remote sites in time.",
        "dateline": "BRAZIL",
        "authors": ["amara.okafor"],
        "tags": ["Environment", "Technology", "Climate"],
        "lead": [
            "Brazil’s environmental agency has begun using daily satellite images and machine-learning software to identify suspected illegal logging in the Amazon, cutting the time between clearance starting and an alert reaching enforcement officers from several weeks to a matter of hours. Officials in Brasília said the system had produced more than 3,200 alerts in its first three months, of which about 70 per cent were confirmed on the ground.",
        ],
        "subheadings": [
            {
                "heading": "From weeks to hours",
                "paragraphs": [
                    "Earlier monitoring relied on imagery that was often obscured by cloud for much of the rainy season. The new system combines radar, which sees through cloud, with optical images from commercial satellite operators. Software trained on years of past clearance then picks out the tell-tale patterns of new tracks and felled canopy, ranking alerts by size and proximity to protected areas.",
                ],
                "quote": "",
            },
            {
                "heading": "The last mile",
                "paragraphs": [
                    "Officers say the technology has changed what they know but not how quickly they can act. Many alerts come from areas that are a day’s journey by boat or four-wheel drive from the nearest base, and teams still need police support before they can seize equipment or timber.",
                ],
                "quote": "“The satellite sees everything now. Our problem is that we cannot be everywhere,” said Rafael Monteiro, an enforcement coordinator in Pará.",
            },
            {
                "heading": "Following the money",
                "paragraphs": [
                    "Prosecutors are also using the alerts to trace who profits from clearance. By matching cleared plots with land registry records and cattle movement permits, investigators in two states have opened cases against landowners and meatpackers. Environmental groups say that targeting buyers is likely to have a bigger effect than fines on the workers who operate the chainsaws.",
                ],
                "quote": "",
            },
            {
                "heading": "Falling but fragile",
                "paragraphs": [
                    "Government figures show deforestation in the Brazilian Amazon fell by around a fifth last year. Scientists at the National Institute for Amazonian Research welcomed the trend but warned that drought and fire could undo progress, and that the budget for enforcement would need to rise if the new alerts were to be acted on consistently.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Aerial view of dense green rainforest with a straight brown track cut through it",
        "hero_caption": "A newly cut track in Pará state, detected by satellite within a day of clearance beginning.",
        "hero_credit": "Photograph: Ines Carvalho/Newsroom",
        "hours_ago": 260,
        "status": "published",
    },
    {
        "section": "international",
        "headline": "Brussels and London reach outline deal on North Sea fishing quotas",
        "standfirst": "After three days of late-night negotiations, the EU and UK have agreed catch limits for more than 70 shared fish stocks, cutting cod quotas but raising those for herring and haddock in line with scientific advice.",
        "dateline": "BELGIUM",
        "authors": ["amara.okafor"],
        "tags": ["Trade", "Diplomacy"],
        "lead": [
            "Negotiators from the European Union and the United Kingdom reached an outline agreement on North Sea fishing quotas in the early hours of Friday, setting catch limits for more than 70 shared stocks for the coming year. The deal, struck after three days of talks in Brussels, cuts the quota for North Sea cod by 12 per cent while allowing higher catches of herring and haddock.",
        ],
        "subheadings": [
            {
                "heading": "Following the science",
                "paragraphs": [
                    "Both sides said the agreement broadly followed advice from the International Council for the Exploration of the Sea, which had warned that cod stocks remained below safe levels despite recovery in recent years. Conservation groups welcomed that approach but criticised decisions on some smaller stocks, where they said limits had been set above the scientific recommendation.",
                ],
                "quote": "",
            },
            {
                "heading": "Mixed reaction in the ports",
                "paragraphs": [
                    "In Peterhead and Fraserburgh, skippers said the increase in haddock quota would help but the cut to cod would make it harder to avoid catching fish they could not legally land. Industry leaders have long argued that so-called choke species can force boats to stop fishing even when quota for other stocks remains.",
                ],
                "quote": "“It’s a better deal than last year, but cod swims with everything else,” said Alasdair Buchan, a skipper who has fished out of Peterhead for 30 years.",
            },
            {
                "heading": "Sign-off still needed",
                "paragraphs": [
                    "The agreement must now be approved by EU member states and formally confirmed by UK ministers. Officials expect that to happen before the end of the month, in time for the new quotas to take effect in January. Talks on access to waters around Norway, which are negotiated separately, are due to resume next week.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Fishing boats moored tightly together in a harbour with fish crates stacked on the quay",
        "hero_caption": "Trawlers in Peterhead harbour, where skippers gave the quota deal a cautious welcome.",
        "hero_credit": "Photograph: Rhys Morgan/Newsroom",
        "hours_ago": 380,
        "status": "published",
    },
    {
        "section": "international",
        "headline": "Tokyo offers civil servants a four-day week to tackle staffing shortage",
        "standfirst": "The Tokyo metropolitan government is letting its employees compress their hours into four days, in an attempt to recruit and keep staff as Japan’s shrinking workforce intensifies competition for workers.",
        "dateline": "JAPAN",
        "authors": ["amara.okafor"],
        "tags": ["Employment"],
        "lead": [
            "The Tokyo metropolitan government has begun allowing its employees to work four longer days instead of five, in one of the most ambitious flexible-working schemes yet attempted by a large public employer in Japan. Officials said about 9,000 staff had signed up in the first month, most of them in administrative roles, with frontline services such as firefighting and sanitation excluded for now.",
            "The scheme comes as Japan’s working-age population continues to fall, and as public bodies struggle to compete with private companies offering higher salaries and more generous conditions to younger recruits. Applications for entry-level posts in the capital’s civil service have dropped by about a quarter over the past decade, according to the city’s personnel department.",
        ],
        "subheadings": [
            {
                "heading": "Same hours, fewer days",
                "paragraphs": [
                    "Staff who opt in work roughly ten hours a day for four days, keeping their total hours unchanged. Managers must ensure that counters and telephone lines remain staffed throughout the week, and the city has introduced a new rota system to spread days off. Employees can switch back to a five-day pattern with a month’s notice.",
                ],
                "quote": "",
            },
            {
                "heading": "Others watching closely",
                "paragraphs": [
                    "Other prefectures are watching the experiment closely. Labour economists note that Japan has long had some of the longest working hours in the developed world, and that previous attempts to reduce overtime have had mixed results. The city plans to publish a review after a year, including data on absence rates, overtime and residents’ satisfaction with services.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Office workers walk past a glass-fronted government building in Tokyo on a bright morning",
        "hero_caption": "Metropolitan government staff arrive for work in Shinjuku; about 9,000 have joined the four-day scheme.",
        "hero_credit": "Photograph: Kemi Adeyemi/Newsroom",
        "hours_ago": 410,
        "status": "published",
    },
    # ------------------------------------------------------------------
    # Politics
    # ------------------------------------------------------------------
    {
        "section": "politics",
        "headline": "Council tax to rise by 4.99% after six-hour budget meeting in Leeds",
        "standfirst": "Councillors approved the maximum permitted increase in council tax late on Wednesday, alongside £38m of savings that will see two day centres merged and the charge for garden waste collection rise by £10 a year.",
        "dateline": "LEEDS",
        "authors": ["daniel.hartley"],
        "tags": ["Budget", "Local Government"],
        "lead": [
            "Householders will pay 4.99 per cent more in council tax from April after councillors approved the city’s budget at the end of a six-hour meeting that ran past midnight. The increase, the maximum allowed without a local referendum, will add about £94 a year to the bill for a typical Band D property, taking it to just over £2,000 once police and fire charges are included.",
        ],
        "subheadings": [
            {
                "heading": "Where the savings fall",
                "paragraphs": [
                    "The budget includes £38m of savings, the largest single package in a decade. Two day centres for older people will be merged into one site, library opening hours will be reduced at six branches, and the annual charge for collecting garden waste will rise from £45 to £55. About 140 posts will go, although the council hopes most can be lost through vacancies and voluntary redundancy.",
                ],
                "quote": "",
            },
            {
                "heading": "Pressure from social care",
                "paragraphs": [
                    "Officials said spending on adult and children’s social care now accounts for almost two-thirds of the council’s net budget, up from just under half ten years ago. The cost of placements for children in care has risen particularly sharply, with some private residential places now costing more than £7,000 a week.",
                ],
                "quote": "“We are running faster just to stand still, and every pound we spend on crisis care is a pound we cannot spend on prevention,” said Councillor Joanne Whitlock, the executive member for finance.",
            },
            {
                "heading": "Opposition amendments defeated",
                "paragraphs": [
                    "Opposition groups tabled three amendments, including proposals to fund the garden waste service from reserves and to reverse cuts to library hours. All were defeated. The leader of the largest opposition group, Councillor Marcus Feeney, said the administration had chosen to make residents pay more for less while keeping money back for prestige projects in the city centre.",
                ],
                "quote": "",
                # Seeded as stored, never fetched: the demo makes no network calls.
                # The video is a stand-in, the Blender Foundation's open film.
                "embed": {
                    "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                    "provider": "YouTube",
                    "title": "Full council: the budget debate (recording)",
                    "frame_url": "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
                    "width": 640,
                    "height": 360,
                },
            },
            {
                "heading": "Reserves under scrutiny",
                "paragraphs": [
                    "The council’s chief finance officer told the meeting that general reserves stood at £41m, enough to cover about two weeks of spending, and that using them to plug recurring gaps would be imprudent. External auditors have previously warned that several authorities of a similar size are at risk of issuing a section 114 notice, effectively declaring themselves unable to balance the books.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Councillors seated in a wood-panelled chamber listen as a speaker addresses them from a lectern",
        "hero_caption": "Councillors debate the budget in the civic hall chamber; the meeting ran past midnight.",
        "hero_credit": "Photograph: Ben Ashdown/Newsroom",
        "hours_ago": 3,
        "status": "published",
    },
    {
        "section": "politics",
        "headline": "Candidates court undecided voters in final week of Ashworth and Kell by-election",
        "standfirst": "With the only published poll suggesting a close race and as many as one in four voters still undecided, the six candidates are focusing on the cost of living, a threatened maternity unit and the town’s bus station.",
        "dateline": "LANCASHIRE",
        "authors": ["daniel.hartley"],
        "tags": ["Elections", "Parliament"],
        "lead": [
            "Candidates in the Ashworth and Kell by-election entered the final week of campaigning with the outcome still too close to call, according to activists on all sides and the only published constituency poll. The contest was triggered when the sitting MP, Raymond Colley, stood down on health grounds after 14 years, having held the seat with a majority of just over 3,000 at the last general election.",
        ],
        "subheadings": [
            {
                "heading": "Maternity unit dominates",
                "paragraphs": [
                    "The proposed downgrading of the maternity unit at Kell General Hospital has become the single biggest issue on the doorstep. The local NHS trust says the change would concentrate specialist staff at a larger hospital 18 miles away, but campaigners argue that expectant mothers without cars would face long and expensive journeys.",
                ],
                "quote": "“Every candidate is promising to save the unit, so I want to know which of them can actually do it,” said Dawn Ashcroft, a nursery manager in Ashworth.",
            },
            {
                "heading": "Turnout the great unknown",
                "paragraphs": [
                    "By-elections typically attract lower turnouts than general elections, and this one falls in the week of the school half-term holiday. Returning officers have reported a rise in postal vote applications, which now cover about 22 per cent of the electorate. Candidates have been concentrating on estates where turnout was lowest last time.",
                ],
                "quote": "",
            },
            {
                "heading": "Six names on the ballot",
                "paragraphs": [
                    "Six candidates are standing, including two independents: a retired headteacher campaigning on the hospital and a local businessman who wants the town’s bus station rebuilt. Polls open at 7am on Thursday and close at 10pm, with the count taking place overnight at the Kell leisure centre. A result is expected shortly after 3am.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A canvasser in a waterproof jacket talks to a resident at the door of a terraced house",
        "hero_caption": "A campaigner knocks on doors in Ashworth, where many voters say they have yet to decide.",
        "hero_credit": "Photograph: Rhys Morgan/Newsroom",
        "hours_ago": 70,
        "status": "published",
    },
    {
        "section": "politics",
        "headline": "MPs back plan to cap rural bus fares at £2 for another three years",
        "standfirst": "A cross-party amendment extending the cap on single bus fares in rural areas passed by 41 votes, after MPs from countryside seats argued that withdrawing it would leave thousands of people unable to reach work or hospital.",
        "dateline": "LONDON",
        "authors": ["daniel.hartley"],
        "tags": ["Parliament", "Transport"],
        "lead": [
            "MPs voted on Tuesday to extend the £2 cap on single bus fares in rural areas for a further three years, defying warnings from Treasury officials about the cost. The cross-party amendment to the transport bill passed by 325 votes to 284 after a debate in which backbenchers from countryside constituencies described elderly constituents choosing between bus fares and heating.",
        ],
        "subheadings": [
            {
                "heading": "The cost of the cap",
                "paragraphs": [
                    "The Department for Transport estimates the extension will cost about £150m a year, paid to operators to compensate them for lower fares. Officials had argued that the money would be better spent protecting routes at risk of closure. Supporters countered that passenger numbers on capped routes had risen by about 12 per cent, bringing more revenue back into the network.",
                ],
                "quote": "",
            },
            {
                "heading": "Voices from the countryside",
                "paragraphs": [
                    "During the debate, MPs read out letters from constituents describing journeys that would cost £8 or £9 each way without the cap. Several pointed out that many rural routes run only a few times a day, leaving passengers with little choice about when to travel, and that the last bus home often leaves before a normal working day ends.",
                ],
                "quote": "“For my constituents the bus is not a lifestyle choice, it is the only way to get to work, to school or to hospital,” said Catherine Dunmore, the MP who tabled the amendment.",
            },
            {
                "heading": "Next steps",
                "paragraphs": [
                    "The bill now returns to the House of Lords, where peers are expected to accept the amendment. Ministers have indicated they will not try to overturn the vote but say they will review the scheme after 18 months. Bus operators welcomed the decision but said longer-term funding was needed if they were to plan timetables with confidence.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A single-decker bus travels along a narrow country lane between green hedgerows",
        "hero_caption": "A rural bus service in North Yorkshire; passenger numbers on capped routes have risen by around 12 per cent.",
        "hero_credit": "Photograph: Ben Ashdown/Newsroom",
        "hours_ago": 115,
        "status": "published",
    },
    {
        "section": "politics",
        "headline": "Mayor unveils £1.2bn plan to reopen three disused railway lines",
        "standfirst": "The region’s mayor wants to restore passenger services on three lines closed in the 1960s, promising new stations in towns that lost their railway, though the plan depends on ministers agreeing to fund most of the cost.",
        "dateline": "MANCHESTER",
        "authors": ["daniel.hartley", "priya.raman"],
        "tags": ["Transport", "Local Government"],
        "lead": [
            "The combined authority’s mayor, Lorraine Kettering, has set out a £1.2bn plan to reopen three railway lines closed to passengers in the 1960s, promising stations for about 180,000 people who live more than two miles from a railway. The proposals, published on Monday, would be delivered in stages over 12 years, with the first line, a nine-mile route north of the city, opening by the end of the decade.",
        ],
        "subheadings": [
            {
                "heading": "Three lines, 14 stations",
                "paragraphs": [
                    "The plan would restore services on lines to Ashworth, Kell and Brindle Moor, with 14 new or reopened stations. Much of the original trackbed survives, although sections have been built over or turned into cycle paths, and engineers estimate that about 11 miles of new alignment would be needed. Trains would run every 30 minutes, rising to every 15 at peak times.",
                ],
                "quote": "",
            },
            {
                "heading": "Who pays",
                "paragraphs": [
                    "The combined authority says it can raise about £250m from its own transport budget and from developers building homes near the new stations. The remaining £950m would have to come from the Department for Transport, which has not yet committed to the scheme. Ministers said they would consider the business case alongside other bids.",
                ],
                "quote": "",
            },
            {
                "heading": "Business backing",
                "paragraphs": [
                    "Business groups broadly welcomed the plan. The regional chamber of commerce said better links could help firms in the towns recruit from a wider area, pointing to research suggesting reopened lines elsewhere have raised local employment. Some economists were more cautious, noting that benefit estimates for rail schemes are often optimistic and that costs tend to rise.",
                ],
                "quote": "",
            },
            {
                "heading": "Consultation opens",
                "paragraphs": [
                    "A public consultation runs until the end of March, with drop-in events planned in each of the affected towns. Residents whose gardens back on to the old trackbed have raised concerns about noise and the loss of popular walking routes, and the combined authority has promised to replace any cycle paths affected by the scheme.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "An overgrown disused railway platform with a rusting sign and young trees growing along its edge",
        "hero_caption": "The disused platform at Brindle Moor, one of 14 stations the mayor’s plan would reopen.",
        "hero_credit": "Photograph: Nadia Kowalczyk/Newsroom",
        "hours_ago": 190,
        "status": "published",
    },
    {
        "section": "politics",
        "headline": "Headteachers warn of staff cuts as school funding review is delayed again",
        "standfirst": "School leaders say a further delay to the review of how funding is shared between schools will force some to cut teaching assistants and support staff, with small rural primaries among the hardest hit.",
        "dateline": "LONDON",
        "authors": ["daniel.hartley", "eleanor.fairlie"],
        "tags": ["Education", "Budget"],
        "lead": [
            "Headteachers have warned that schools will be forced to cut teaching assistants, reduce subject choices and increase class sizes after the government confirmed that a long-awaited review of the national funding formula would be delayed until next year. The Department for Education said it needed more time to assess the effects of changes to the way special educational needs are funded.",
        ],
        "subheadings": [
            {
                "heading": "Budgets already stretched",
                "paragraphs": [
                    "A survey of 1,200 school leaders by a headteachers’ union found that 58 per cent expected to set a deficit budget next year, up from 41 per cent a year earlier. Most said they had already reduced spending on books, trips and building maintenance, leaving staffing as the only area where significant savings remained.",
                ],
                "quote": "“I have cut everything that doesn’t have a name and a face, and now I am looking at people,” said Sarah Lockwood, head of a primary school in Cumbria.",
            },
            {
                "heading": "Rural schools hit hardest",
                "paragraphs": [
                    "Small rural primaries are particularly exposed because much of their funding depends on pupil numbers, which are falling in many areas as birth rates decline. Some schools with fewer than 60 pupils are now considering federating with neighbours to share a headteacher and office staff, a step that local parents often resist.",
                ],
                "quote": "",
            },
            {
                "heading": "Government response",
                "paragraphs": [
                    "A Department for Education spokesperson said core school funding had risen in cash terms this year and that the review would ensure money was distributed fairly. The department said it would publish an interim statement in the spring. Opposition MPs called for an urgent statement in the Commons before the end of term.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "An empty classroom with small chairs stacked on tables and children’s drawings pinned to the wall",
        "hero_caption": "A primary school classroom at the end of the day; many heads expect to set deficit budgets next year.",
        "hero_credit": "Photograph: Ben Ashdown/Newsroom",
        "hours_ago": 300,
        "status": "published",
    },
    {
        "section": "politics",
        "headline": "Voter ID rules turned away thousands at polling stations, report finds",
        "standfirst": "An independent review of last May’s local elections estimates that about 14,000 people were unable to vote because they lacked accepted photo identification, with younger and disabled voters disproportionately affected.",
        "dateline": "LONDON",
        "authors": ["daniel.hartley"],
        "tags": ["Elections", "Parliament"],
        "lead": [
            "About 14,000 people were turned away from polling stations at last May’s local elections and did not return because they could not show accepted photographic identification, according to a review by an independent elections research group. The report, based on data from returning officers in 180 council areas, says the true figure may be higher because some voters left queues before reaching the desk.",
        ],
        "subheadings": [
            {
                "heading": "Who was affected",
                "paragraphs": [
                    "The researchers found that people aged 18 to 24 were three times as likely as those over 65 to be turned away, partly because older people’s bus passes are accepted while young people’s railcards are not. Disabled voters and those from some minority ethnic backgrounds were also more likely to report difficulties at the polling station.",
                    "Take-up of the free voter authority certificate, introduced for people without other identification, remained low. Only about 0.1 per cent of eligible voters applied for one before polling day, and many of those turned away told polling staff they had never heard of the certificate.",
                ],
                "quote": "“The principle of secure elections is not in dispute, but a system that stops thousands of eligible people voting needs fixing,” said Dr Miriam Pugh, the report’s lead author.",
            },
            {
                "heading": "Calls for change",
                "paragraphs": [
                    "The report recommends widening the list of accepted documents, allowing identity to be vouched for by another registered voter and running a national awareness campaign before the next general election. The Electoral Commission said it would consider the findings as part of its own statutory review, due to be published in the autumn.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A sign reading Polling Station outside a village hall, with voters queuing by the door",
        "hero_caption": "Voters queue at a polling station; researchers say some left before reaching the identification desk.",
        "hero_credit": "Photograph: Rhys Morgan/Newsroom",
        "hours_ago": 470,
        "status": "published",
    },
    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    {
        "section": "business",
        "headline": "Hull blade factory wins £300m order, safeguarding 800 jobs for five years",
        "standfirst": "Orrin Composites has won a contract to supply blades for a large offshore wind farm in the North Sea, securing work at its Humber site until the end of the decade and creating 120 apprenticeships.",
        "dateline": "HULL",
        "authors": ["priya.raman"],
        "tags": ["Energy", "Employment"],
        "lead": [
            "A wind turbine blade manufacturer in Hull has won a £300m order to supply an offshore wind farm off the Yorkshire coast, securing about 800 jobs at its riverside factory for at least five years. Orrin Composites said the contract, its largest to date, would see it produce 270 blades, each more than 100 metres long, starting next summer.",
            "The company, which opened the Humber site in 2016, had warned in the spring that it might have to reduce shifts because of a gap in orders after its previous contract ended. Union representatives said the news had lifted a cloud over a workforce that had spent months uncertain about its future.",
        ],
        "subheadings": [
            {
                "heading": "A long-awaited contract",
                "paragraphs": [
                    "The order comes from a consortium developing a 1.4-gigawatt wind farm about 80 miles off the coast, due to generate power for the equivalent of 1.2 million homes. The developers said they had chosen Orrin partly because of its track record and partly because building close to the site would cut transport costs and emissions.",
                ],
                "quote": "",
            },
            {
                "heading": "Apprentices and skills",
                "paragraphs": [
                    "As part of the deal, the company will take on 120 apprentices over four years, in partnership with a local further education college. Courses will cover composite engineering, quality inspection and maintenance. Orrin said it would prioritise applicants from the city’s most deprived wards and guarantee interviews to school leavers from partner schools.",
                ],
                "quote": "“For a lot of families in this city, this factory is the difference between staying here and moving away,” said Michelle Garside, a laminator who has worked at the site for seven years.",
            },
            {
                "heading": "Benefits for suppliers",
                "paragraphs": [
                    "The contract is expected to support about 400 further jobs among suppliers, from resin manufacturers to logistics firms at the port. The Humber’s local enterprise partnership said the region now accounted for a significant share of the country’s offshore wind manufacturing capacity and could attract further investment if grid connections were improved.",
                ],
                "quote": "",
            },
            {
                "heading": "A broader picture",
                "paragraphs": [
                    "The wider offshore wind industry has had a difficult two years, with rising interest rates and higher costs for steel and components leading some developers to delay or cancel projects. Analysts said the Hull contract suggested confidence was returning, helped by higher guaranteed prices in the most recent government auction for renewable power.",
                ],
                "quote": "",
            },
            {
                "heading": "What happens next",
                "paragraphs": [
                    "Production of the first blades is due to start in June. The factory will move to a three-shift pattern in the autumn, and the company said it was in talks about a second order that could extend work beyond 2030. Shares in its parent company rose 6 per cent on the news.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A giant white turbine blade lies on supports inside a vast factory hall as workers look on",
        "hero_caption": "A finished blade at Orrin Composites’ Humber factory, where 800 jobs have been secured.",
        "hero_credit": "Photograph: Rhys Morgan/Newsroom",
        "hours_ago": 11,
        "status": "published",
    },
    {
        "section": "business",
        "headline": "Bank of England holds rates as services inflation proves stubborn",
        "standfirst": "The Bank of England kept interest rates unchanged for a third meeting running, with most policymakers saying they needed more evidence that price rises in the services sector were easing before cutting borrowing costs.",
        "dateline": "LONDON",
        "authors": ["priya.raman"],
        "tags": ["Economy"],
        "lead": [
            "The Bank of England left interest rates unchanged on Thursday, disappointing homeowners and businesses who had hoped for a cut before the end of the year. The Monetary Policy Committee voted by six to three to hold the base rate, with the three dissenting members favouring a reduction of a quarter of a percentage point.",
        ],
        "subheadings": [
            {
                "heading": "Sticky services prices",
                "paragraphs": [
                    "Headline inflation has fallen sharply from its peak, but prices in the services sector, which includes restaurants, hairdressers and insurance, are still rising at about 5 per cent a year. The Bank said strong wage growth was the main reason, and that it wanted to see clearer signs of a slowdown in pay settlements before acting.",
                ],
                "quote": "",
            },
            {
                "heading": "Reaction from business",
                "paragraphs": [
                    "Business groups said the decision would weigh on investment, particularly among smaller firms that rely on bank lending. The Federation of Small Businesses said more than a third of its members had seen borrowing costs rise in the past year. Retailers warned that households remained cautious and that higher mortgage payments were squeezing spending.",
                ],
                "quote": "",
            },
            {
                "heading": "Markets look to the spring",
                "paragraphs": [
                    "Financial markets now expect the first cut in the spring, with two or three reductions possible over the following year. Sterling rose slightly against the dollar after the announcement. Mortgage brokers said lenders had already priced in some cuts, and that fixed rates were unlikely to move much in the short term.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "The columned stone front of the Bank of England on a grey day with pedestrians passing",
        "hero_caption": "The Bank of England in the City of London, where rate-setters voted six to three to hold.",
        "hero_credit": "Photograph: Tom Reyes/Newsroom",
        "hours_ago": 45,
        "status": "published",
    },
    {
        "section": "business",
        "headline": "High street footfall rises for the first time in two years, retailers say",
        "standfirst": "Visitor numbers on Bristol’s main shopping streets rose by 4 per cent in the autumn, figures show, as independent cafés, repair shops and leisure venues fill units left empty by departing chains.",
        "dateline": "BRISTOL",
        "authors": ["priya.raman"],
        "tags": ["Economy", "Employment"],
        "lead": [
            "The number of people visiting shopping streets in Bristol rose by 4 per cent in the three months to October compared with a year earlier, the first increase in two years, according to figures collected by the city’s business improvement district. Traders said the recovery had been driven less by traditional retail than by food, leisure and services such as repair shops and clinics.",
        ],
        "subheadings": [
            {
                "heading": "A different kind of high street",
                "paragraphs": [
                    "Of the 42 units that have reopened on the main shopping streets in the past year, only nine are occupied by conventional retailers. The rest include cafés, a climbing wall, a bicycle repair workshop, a dental practice and two shared workspaces. Vacancy rates have fallen from 17 per cent to just under 13 per cent.",
                ],
                "quote": "“People don’t come into town to buy things they can order online, they come to do things,” said Tobias Fairweather, who opened a board game café in a former shoe shop.",
            },
            {
                "heading": "Jobs returning",
                "paragraphs": [
                    "The business improvement district estimates that the new openings have created around 350 jobs, many of them part-time. Hospitality employers said recruitment had become easier over the summer but that rising wage and energy costs were making it difficult to expand. Several owners said they had agreed lower rents in return for longer leases.",
                ],
                "quote": "",
            },
            {
                "heading": "Caution ahead of Christmas",
                "paragraphs": [
                    "Retail analysts warned against reading too much into one quarter of data, noting that footfall remains about 12 per cent below pre-pandemic levels. The run-up to Christmas will be a stronger test, they said, particularly for businesses that depend on seasonal trade to see them through the quieter months after January.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Shoppers walk along a pedestrianised street lined with shops, cafés and hanging baskets",
        "hero_caption": "Shoppers in Broadmead; visitor numbers have risen for the first time in two years.",
        "hero_credit": "Photograph: Ines Carvalho/Newsroom",
        "hours_ago": 96,
        "status": "published",
    },
    {
        "section": "business",
        "headline": "Family dairy farm turns to robots as the farm labour shortage deepens",
        "standfirst": "A third-generation dairy farm in the Eden Valley has invested £600,000 in robotic milking, one of a growing number of family farms replacing hard-to-fill jobs with automation as the industry struggles to recruit.",
        "dateline": "CUMBRIA",
        "authors": ["priya.raman"],
        "tags": ["Agriculture", "Technology"],
        "lead": [
            "A family dairy farm in the Eden Valley has replaced its traditional milking parlour with four robotic milking units, a £600,000 investment its owners say was forced on them by the difficulty of finding staff willing to start work at 4.30am. The Atkinsons, who milk 240 cows near Appleby, had advertised for a herdsperson for eight months without a single suitable applicant.",
        ],
        "subheadings": [
            {
                "heading": "Cows choose their own time",
                "paragraphs": [
                    "In the new system, cows walk into a milking box whenever they choose, guided by feed rewards. Lasers locate the teats, and sensors record the yield and quality of milk from each animal and flag early signs of illness. The family says cows are being milked on average 2.8 times a day, compared with twice in the old parlour.",
                ],
                "quote": "",
            },
            {
                "heading": "A wider trend",
                "paragraphs": [
                    "Industry figures suggest about one in ten dairy farms in Britain now uses robotic milking, up from a handful two decades ago. Agricultural economists say the trend reflects both labour shortages and a move towards larger, more intensive herds. Manufacturers report that waiting lists for installation have lengthened to around nine months.",
                ],
                "quote": "",
            },
            {
                "heading": "Debt and risk",
                "paragraphs": [
                    "Not everyone is convinced. Farm advisers warn that the cost of robots can leave smaller farms heavily indebted at a time when milk prices are volatile, and that the systems require reliable broadband and rapid access to engineers when something goes wrong. The Atkinsons have taken out a ten-year loan and say they will need milk prices to hold steady.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A black and white cow stands in a robotic milking unit while a mechanical arm moves beneath it",
        "hero_caption": "A cow uses one of four robotic milking units installed at the Atkinson family’s farm near Appleby.",
        "hero_credit": "Photograph: Nadia Kowalczyk/Newsroom",
        "hours_ago": 170,
        "status": "published",
    },
    {
        "section": "business",
        "headline": "Regulator’s new price cap will cut typical energy bills by £86 a year",
        "standfirst": "Households on standard variable tariffs will see bills fall slightly from January after the energy regulator lowered its price cap, but charities say millions remain in debt to suppliers and standing charges are rising.",
        "dateline": "LONDON",
        "authors": ["priya.raman", "sofia.lindqvist"],
        "tags": ["Energy", "Economy", "Housing"],
        "lead": [
            "Typical household energy bills will fall by £86 a year from January after the regulator, Ofgem, announced a lower price cap on Friday, reflecting a drop in wholesale gas prices over the autumn. The cap, which limits what suppliers can charge per unit of energy for customers on standard variable tariffs, will put the annual bill for a typical dual-fuel household at about £1,630.",
        ],
        "subheadings": [
            {
                "heading": "Standing charges rise",
                "paragraphs": [
                    "While unit prices are falling, the fixed daily standing charge that every household pays regardless of use will rise slightly for electricity. Campaigners say that hits low users, including many pensioners and people living alone in small flats, hardest. The regulator said it was consulting on options for a lower standing charge tariff but had not yet reached a decision.",
                ],
                "quote": "",
            },
            {
                "heading": "Debt remains high",
                "paragraphs": [
                    "Energy debt owed by households to suppliers has reached a record of about £3.7bn, according to the regulator’s own figures. Debt advice charities say they are seeing more clients with arrears on both gas and electricity, and that many are rationing heating even after the fall in prices. Some have been moved on to prepayment meters.",
                ],
                "quote": "“A small cut is welcome, but for families already hundreds of pounds behind, it barely touches the sides,” said Bernadette Coyle, who runs a debt advice service in Sunderland.",
            },
            {
                "heading": "Renters and efficiency",
                "paragraphs": [
                    "Housing campaigners pointed out that tenants in poorly insulated homes pay far more than the typical figure. Private landlords will be required to bring properties up to a minimum energy efficiency standard by the end of the decade, though the details of exemptions and cost caps are still being finalised by ministers.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A hand adjusts the thermostatic valve on a radiator in a domestic living room",
        "hero_caption": "Charities say many households are still rationing heating despite the lower cap.",
        "hero_credit": "Photograph: Ben Ashdown/Newsroom",
        "hours_ago": 230,
        "status": "published",
    },
    {
        "section": "business",
        "headline": "Sheffield’s “Steel & Silicon” fund backs 12 start-ups in its first year",
        "standfirst": "A £20m investment fund set up by the city’s universities and local manufacturers has backed a dozen young companies, from medical device makers to a firm recycling battery metals, and now plans to double in size.",
        "dateline": "SHEFFIELD",
        "authors": ["priya.raman"],
        "tags": ["Technology", "Economy"],
        "lead": [
            "A venture fund set up by Sheffield’s two universities and a group of local manufacturers has invested in 12 start-ups during its first year, its managers said on Tuesday, and is seeking a further £20m from pension funds to widen its reach. The Steel & Silicon fund was created to stop promising companies leaving the city for London or Cambridge in search of money.",
        ],
        "subheadings": [
            {
                "heading": "From laboratory to factory floor",
                "paragraphs": [
                    "The companies backed so far include a maker of low-cost sensors for hip replacements, a business recovering lithium and cobalt from used batteries and a software firm that helps small engineering workshops schedule jobs. Investments have ranged from £250,000 to £2m, and the fund takes a minority stake in each firm.",
                ],
                "quote": "“The talent was always here; what was missing was patient money that understands manufacturing,” said Dr Hannah Okonjo, the fund’s managing partner.",
            },
            {
                "heading": "Keeping firms local",
                "paragraphs": [
                    "A condition of investment is that companies keep their headquarters and most of their staff in South Yorkshire for at least five years. The fund estimates its portfolio now employs 140 people, most of them in skilled engineering and research roles. Two firms have already moved into the advanced manufacturing park on the city’s eastern edge.",
                ],
                "quote": "",
            },
            {
                "heading": "A regional gap",
                "paragraphs": [
                    "Research by the British Business Bank has long shown that start-ups outside London and the south-east receive a much smaller share of venture capital than their numbers would suggest. Regional funds such as Steel & Silicon are seen as one way to close that gap, although investors warn that it will take a decade to know whether they succeed.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Two engineers in safety glasses examine a small circuit board at a laboratory workbench",
        "hero_caption": "Engineers at one of the fund’s portfolio companies test a sensor designed for hip replacements.",
        "hero_credit": "Photograph: Kemi Adeyemi/Newsroom",
        "hours_ago": 330,
        "status": "published",
    },
    # ------------------------------------------------------------------
    # Crime
    # ------------------------------------------------------------------
    {
        "section": "crime",
        "headline": "Former finance director jailed for £2.3m fraud against housing charity",
        "standfirst": "A former finance director who diverted money from a homelessness charity into accounts he controlled over six years has been jailed for five years and four months, with a judge describing the offending as a grave breach of trust.",
        "dateline": "BIRMINGHAM",
        # Co-written by the demo journalist, whose desk then shows a story with reads.
        "authors": ["callum.mcbride", "journalist"],
        "tags": ["Courts"],
        "lead": [
            "A former finance director of a Birmingham housing charity has been jailed for five years and four months after admitting stealing more than £2.3m from the organisation over six years. Graham Pellow, 56, of Solihull, created false supplier invoices and moved the money into accounts he controlled, Birmingham Crown Court heard on Monday.",
        ],
        "subheadings": [
            {
                "heading": "Invoices for work never done",
                "paragraphs": [
                    "Prosecutors said Pellow set up two companies in the names of relatives, who were unaware of his conduct, and submitted invoices for maintenance and cleaning work that was never carried out. The fraud came to light when a newly appointed auditor noticed that the same bank details appeared against suppliers with different names.",
                ],
                "quote": "",
            },
            {
                "heading": "The impact on the charity",
                "paragraphs": [
                    "The charity, which provides supported accommodation for about 300 young people each year, had to close one of its hostels and make nine staff redundant while its finances were reviewed. Its chief executive told the court that the loss had damaged the trust of donors built up over 30 years.",
                ],
                "quote": "“This money was given to help young people find a safe place to live, and it was taken from them,” said the charity’s chief executive, Patricia Onwuachi.",
            },
            {
                "heading": "Recovering the money",
                "paragraphs": [
                    "Recorder Simon Latham said the offending had been persistent and sophisticated, and that only an immediate custodial sentence could be justified. Proceedings under the Proceeds of Crime Act will take place next year, when prosecutors will seek to recover assets including a holiday flat in Portugal. The charity says it has recovered about £400,000 through insurance.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "The exterior of a modern court building with glass panels and a stone entrance",
        "hero_caption": "Birmingham Crown Court, where the former finance director was sentenced on Monday.",
        "hero_credit": "Photograph: Tom Reyes/Newsroom",
        "hours_ago": 26,
        "status": "published",
    },
    {
        "section": "crime",
        "headline": "Catalytic converter thefts fall by a third after scrap yard crackdown",
        "standfirst": "Reports of catalytic converter thefts in Nottinghamshire have dropped by 34 per cent in a year, police say, after officers targeted the scrap dealers and online sellers who make the crime profitable.",
        "dateline": "NOTTINGHAM",
        "authors": ["callum.mcbride"],
        "tags": ["Policing"],
        "lead": [
            "Thefts of catalytic converters in Nottinghamshire fell by 34 per cent in the past year, police said on Wednesday, crediting an operation that focused on the scrap metal dealers and online marketplaces where stolen parts are sold. The force recorded 612 thefts in the 12 months to September, compared with 927 the year before, with hybrid cars still the most commonly targeted.",
        ],
        "subheadings": [
            {
                "heading": "Following the metal",
                "paragraphs": [
                    "Officers carried out 48 unannounced inspections of scrap yards and vehicle dismantlers, checking that sellers had been properly identified and that payments were not being made in cash, which is illegal for scrap metal. Five businesses have been referred to the local authority for a review of their licences, and two people have been charged with handling stolen goods.",
                ],
                "quote": "",
            },
            {
                "heading": "Marking and prevention",
                "paragraphs": [
                    "The force also gave away 3,000 marking kits, which allow owners to etch a unique code on to the converter, and worked with garages to fit protective cages at a discount. Officers say marked parts are harder to sell on and easier to trace back to their owners.",
                ],
                "quote": "“We can chase thieves all night, but if there is nobody willing to buy the metal, the crime stops making sense,” said Detective Inspector Karen Holloway, who led the operation.",
            },
            {
                "heading": "The cost for drivers",
                "paragraphs": [
                    "Insurers say replacing a stolen converter on some hybrid models can cost more than £2,500, and long waits for parts have left some drivers without a car for weeks. Victims’ groups welcomed the fall but said many people still did not report thefts, assuming that nothing would be done.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A mechanic beneath a raised car fits a metal guard to the underside of its exhaust",
        "hero_caption": "A mechanic fits a protective cage to a hybrid car at a garage in Beeston.",
        "hero_credit": "Photograph: Rhys Morgan/Newsroom",
        "hours_ago": 80,
        "status": "published",
    },
    {
        "section": "crime",
        "headline": "Farmers join volunteer network to help police tackle rural machinery theft",
        "standfirst": "More than 400 farmers and landowners have signed up to a rural crime watch scheme in Lincolnshire, sharing alerts about suspicious vehicles as the theft of tractors and GPS equipment costs the county’s farms millions.",
        "dateline": "LINCOLNSHIRE",
        "authors": ["callum.mcbride"],
        "tags": ["Policing", "Agriculture"],
        "lead": [
            "More than 400 farmers, gamekeepers and landowners have joined a volunteer network set up by Lincolnshire Police to share information about suspicious vehicles and thefts, as the cost of stolen farm machinery in the county reached an estimated £3.4m last year. Members receive text alerts from the force’s rural crime team and can report sightings through a dedicated app.",
        ],
        "subheadings": [
            {
                "heading": "GPS units a target",
                "paragraphs": [
                    "Officers say organised groups have increasingly targeted the GPS guidance units fitted to tractors, which can cost £10,000 or more and are easy to remove and sell abroad. Quad bikes, trailers and power tools are also regularly stolen, and several farms have been hit more than once.",
                    "Many thefts happen at night on remote farms where the nearest neighbour may be a mile away and a patrol car half an hour. The network is designed to give officers extra eyes across a county of more than 2,600 square miles.",
                ],
                "quote": "“Last spring we lost two GPS units in one night, and the planting was delayed by a fortnight while we waited for replacements,” said Tom Ashby, who farms near Spalding.",
            },
            {
                "heading": "Early results",
                "paragraphs": [
                    "Since the scheme launched in March, members have passed on more than 200 pieces of information. Police say three vehicles were stopped and stolen equipment recovered as a direct result, and that the alerts have helped them build a picture of the routes used by groups travelling into the county. Membership is free and open to anyone working in the countryside.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A green tractor parked in a farmyard with a GPS receiver mounted on its cab roof",
        "hero_caption": "A tractor fitted with GPS guidance equipment, a common target for thieves, on a farm near Spalding.",
        "hero_credit": "Photograph: Ben Ashdown/Newsroom",
        "hours_ago": 150,
        "status": "published",
    },
    {
        "section": "crime",
        "headline": "Victims face waits of up to three years as Crown Court backlog grows",
        "standfirst": "The number of cases waiting to be heard in Crown Courts in England and Wales has reached a new high, with lawyers, judges and victims’ groups warning that delays are causing witnesses to give up on the justice system.",
        "dateline": "LONDON",
        "authors": ["callum.mcbride", "daniel.hartley"],
        "tags": ["Courts", "Budget"],
        "lead": [
            "The backlog of cases waiting to be heard in Crown Courts in England and Wales has risen to almost 68,000, the highest level since records began, according to official figures published on Thursday. More than a quarter of those cases have been waiting for over a year, and victims of some serious offences are being told their trial may not take place for up to three years.",
        ],
        "subheadings": [
            {
                "heading": "Witnesses dropping out",
                "paragraphs": [
                    "Prosecutors say long delays make it harder to secure convictions, as memories fade and witnesses move away or withdraw their support. The proportion of cases that collapse because a victim no longer wishes to take part has risen steadily. Victims’ groups say many of those who withdraw do so not because they have changed their minds but because they cannot face the wait.",
                ],
                "quote": "“Every time a date moves, people have to prepare themselves all over again, and some simply can’t do it any more,” said Lorna Jacobs, who supports witnesses at Snaresbrook Crown Court.",
            },
            {
                "heading": "Courtrooms standing empty",
                "paragraphs": [
                    "Despite the backlog, court buildings are not being used to full capacity. The Ministry of Justice sets an annual limit on the number of days judges can sit, and some courtrooms stand empty for parts of the week. Court staff also report rooms out of action because of leaking roofs, broken heating and, in a few cases, crumbling concrete.",
                ],
                "quote": "",
            },
            {
                "heading": "A shortage of barristers",
                "paragraphs": [
                    "Criminal barristers say there are too few of them to cope. Many junior advocates have left for better paid work in other areas of law, and trials are sometimes postponed on the morning they are due to start because no defence barrister is available. The Criminal Bar Association says real-terms fees have fallen sharply over the past decade.",
                ],
                "quote": "",
            },
            {
                "heading": "Ministers promise more sitting days",
                "paragraphs": [
                    "The Ministry of Justice said it had lifted the cap on sitting days for the current year, was recruiting 1,000 new judges and was investing £220m in repairs to the court estate. It said the backlog in magistrates’ courts had fallen, and that the government was committed to bringing down waiting times in the Crown Court.",
                ],
                "quote": "",
            },
            {
                "heading": "Calls for reform",
                "paragraphs": [
                    "Some senior legal figures have suggested more radical changes, including allowing judges to sit without juries for some either-way offences or raising the threshold for cases sent to the Crown Court. Both proposals are controversial. Defence lawyers say jury trials are a safeguard that should not be sacrificed to solve what is ultimately a problem of funding.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Barristers in wigs and gowns walk past the stone entrance of a court building",
        "hero_caption": "Barristers arrive at court in London; the Crown Court backlog stands at almost 68,000 cases.",
        "hero_credit": "Photograph: Tom Reyes/Newsroom",
        "hours_ago": 280,
        "status": "published",
    },
    {
        "section": "crime",
        "headline": "Phone scam gang who targeted pensioners jailed for a total of 31 years",
        "standfirst": "Five men who ran a fake bank security call centre from rented flats in Liverpool have been jailed after taking £1.9m from more than 200 older people by persuading them to move their savings into ‘safe accounts’.",
        "dateline": "LIVERPOOL",
        "authors": ["callum.mcbride"],
        "tags": ["Courts", "Technology"],
        "lead": [
            "Five men who posed as bank fraud investigators to persuade older people to transfer their savings into so-called safe accounts have been jailed for a combined 31 years at Liverpool Crown Court. The gang operated from rented flats in the city for more than two years, making thousands of calls and taking £1.9m from 214 victims across the country, the court heard.",
        ],
        "subheadings": [
            {
                "heading": "A convincing script",
                "paragraphs": [
                    "Prosecutors said the men used spoofing software so that calls appeared to come from genuine bank telephone numbers. Callers told victims their accounts had been compromised and that they must move their money immediately to protect it. Some victims were kept on the phone for hours and told not to speak to branch staff, who were described as suspects.",
                ],
                "quote": "",
            },
            {
                "heading": "Victims in their 80s",
                "paragraphs": [
                    "Most of the victims were over 75, and several lost their entire life savings. One woman, a retired nurse aged 84, transferred £92,000 in three payments over a single afternoon. Her daughter told the court that her mother now refused to answer the telephone and had lost the confidence to go out alone.",
                ],
                "quote": "“The people who did this understood exactly how to make a frightened person do what they were told,” said Detective Sergeant Ian Crossley of Merseyside Police’s economic crime unit.",
            },
            {
                "heading": "Banks urged to do more",
                "paragraphs": [
                    "Sentencing, Judge Rachel Ambrose said the scheme had been cynical and well organised. Charities for older people said the case showed the need for banks to slow down large, unusual transfers and for telephone networks to block spoofed numbers. Under new rules, banks must now reimburse most victims of this type of fraud, up to a capped amount.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "An older woman’s hands hold a landline telephone receiver beside a notepad on a table",
        "hero_caption": "Police say many victims were kept on the phone for hours and told not to trust bank staff.",
        "hero_credit": "Photograph: Ines Carvalho/Newsroom",
        "hours_ago": 440,
        "status": "published",
    },
    # ------------------------------------------------------------------
    # Property
    # ------------------------------------------------------------------
    {
        "section": "property",
        "headline": "Rents rise 9% in a year as the supply of homes to let keeps shrinking",
        "standfirst": "Private rents in Britain have risen at their fastest annual rate on record, official figures show, as landlords sell up and demand from tenants outstrips the number of homes available to let.",
        "dateline": "LONDON",
        "authors": ["sofia.lindqvist"],
        "tags": ["Housing", "Economy"],
        "lead": [
            "Average private rents in Britain rose by 9 per cent in the year to October, the fastest annual increase since comparable records began, according to figures from the Office for National Statistics. The average monthly rent is now about £1,290, with London tenants paying more than £2,100, and letting agents report that many properties attract dozens of enquiries within hours of being advertised.",
        ],
        "subheadings": [
            {
                "heading": "Landlords leaving the market",
                "paragraphs": [
                    "Landlords’ associations say many smaller investors are selling up because higher mortgage rates, tax changes and new regulation have reduced the returns on buy-to-let. The number of homes advertised for rent is about a fifth lower than before the pandemic, according to one of the largest property portals, even as the number of households renting continues to grow.",
                ],
                "quote": "",
            },
            {
                "heading": "Tenants stretched",
                "paragraphs": [
                    "Renters now spend on average more than a third of their income on rent, and considerably more in London and parts of the south-east. Charities report a rise in households approaching councils for help after being served notice, and in the number of families placed in temporary accommodation, often far from schools and work.",
                ],
                "quote": "“We’ve moved three times in four years, and each time the rent has gone up by a hundred pounds or more,” said Aisha Rahman, a teaching assistant who rents a two-bedroom flat in Croydon.",
            },
            {
                "heading": "Regional differences",
                "paragraphs": [
                    "Increases were highest in Scotland and the north-west of England, where rents had started from a lower base, and slower in parts of the south-west. Some economists say the pace of growth is likely to ease next year as tenants reach the limit of what they can afford, even if the shortage of homes persists.",
                ],
                "quote": "",
            },
            {
                "heading": "Reform on the way",
                "paragraphs": [
                    "Legislation before Parliament would abolish no-fault evictions in England and limit rent increases to once a year. Landlords’ groups say the changes could push more owners out of the market, while tenants’ organisations argue they will give renters the security to challenge poor conditions without fear of losing their homes.",
                ],
                "quote": "",
            },
            {
                "heading": "Building more homes",
                "paragraphs": [
                    "Most economists agree that the long-term answer is to build more homes of all types, including social housing. Housebuilding completions have fallen this year, and industry bodies warn that the government’s target of 300,000 new homes a year in England remains a long way off without reform of planning and more public investment.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A row of letting agents’ boards outside terraced houses on a residential street",
        "hero_caption": "Letting boards in south London, where average rents now exceed £2,100 a month.",
        "hero_credit": "Photograph: Nadia Kowalczyk/Newsroom",
        "hours_ago": 15,
        "status": "published",
    },
    {
        "section": "property",
        "headline": "Plans for 1,400 homes on former airfield approved despite local objections",
        "standfirst": "Councillors have approved a new village of 1,400 homes on a disused airfield, with 35 per cent affordable housing and a new primary school, after a five-hour meeting at which residents raised concerns about traffic.",
        "dateline": "OXFORDSHIRE",
        "authors": ["sofia.lindqvist", "daniel.hartley"],
        "tags": ["Planning", "Housing"],
        "lead": [
            "Plans to build 1,400 homes on a disused airfield in west Oxfordshire were approved by the district council’s planning committee on Tuesday night, ending a five-year battle over the future of the site. The scheme, by the developer Harcourt Land, includes 490 affordable homes, a primary school, a health centre and a 40-hectare country park on the former runway.",
        ],
        "subheadings": [
            {
                "heading": "Traffic and drainage fears",
                "paragraphs": [
                    "More than 900 objections were submitted, most of them concerned with traffic on the narrow lanes connecting the site to the A40, and with drainage in a catchment that has flooded twice in the past decade. The developer has agreed to fund a new junction and a bus service running every 20 minutes for the first ten years.",
                ],
                "quote": "“We are not against new homes, we are against a new town being bolted on to roads built for horses and carts,” said Peter Elmsworth, chair of the parish council.",
            },
            {
                "heading": "A split committee",
                "paragraphs": [
                    "The committee voted seven to five in favour. Supporters said the district had one of the largest gaps between local incomes and house prices in the country, and that refusing the scheme would leave it exposed to speculative applications on less suitable sites. Opponents said the infrastructure promised would arrive too late for the first residents.",
                ],
                "quote": "",
            },
            {
                "heading": "First homes in 2027",
                "paragraphs": [
                    "Construction is expected to begin next year, with the first residents moving in by 2027. The developer will also contribute £18m towards secondary school places and local healthcare. The decision could still be called in by the housing secretary, although planning lawyers say that is unlikely given the government’s push to increase housebuilding.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A wide grassy former airfield with a cracked concrete runway and a distant line of trees",
        "hero_caption": "The former airfield in west Oxfordshire, where 1,400 homes and a country park are planned.",
        "hero_credit": "Photograph: Rhys Morgan/Newsroom",
        "hours_ago": 60,
        "status": "published",
    },
    {
        "section": "property",
        "headline": "First-time buyers turn to shared ownership as the deposit gap widens",
        "standfirst": "Applications for shared ownership homes in Scotland’s capital have risen by almost half in a year, as young buyers priced out of the open market buy a share of a home and pay rent on the remainder.",
        "dateline": "EDINBURGH",
        "authors": ["sofia.lindqvist"],
        "tags": ["Housing"],
        "lead": [
            "Applications for shared ownership homes in Edinburgh rose by 46 per cent in the past year, housing associations say, as first-time buyers struggle to save deposits large enough for the open market. The average first-time buyer in the city now needs a deposit of about £38,000, more than a year’s gross salary for many young professionals.",
        ],
        "subheadings": [
            {
                "heading": "How it works",
                "paragraphs": [
                    "Under the scheme, buyers purchase a share of between 25 and 75 per cent of a home, usually from a housing association, and pay a subsidised rent on the rest. They can buy further shares later. Because the mortgage is smaller, deposits can be as low as a few thousand pounds, making it attractive to people on modest incomes.",
                ],
                "quote": "",
            },
            {
                "heading": "Buyers’ experiences",
                "paragraphs": [
                    "Many buyers say shared ownership allowed them to leave private renting years earlier than they could otherwise have done. But some complain about service charges that rise each year and the difficulty of selling, particularly in blocks where housing associations have first refusal on resales and buyers are hard to find.",
                ],
                "quote": "“It got us on the ladder, but nobody explained how much the service charge could go up,” said Euan Reid, a software tester who bought a 40 per cent share of a flat in Leith with his partner.",
            },
            {
                "heading": "Calls for clearer rules",
                "paragraphs": [
                    "Consumer groups want clearer information for buyers about future costs and a cap on service charge increases. The Scottish Government said it was reviewing its low-cost home ownership schemes and would publish proposals in the new year. Housing associations say they could build more homes for shared ownership if grant funding were increased.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A young couple stand on the balcony of a new block of flats overlooking a city",
        "hero_caption": "Buyers at a new development in Leith, where shared ownership homes have proved popular.",
        "hero_credit": "Photograph: Kemi Adeyemi/Newsroom",
        "hours_ago": 125,
        "status": "published",
    },
    {
        "section": "property",
        "headline": "Council to buy empty shops and convert their upper floors into 200 flats",
        "standfirst": "A £24m scheme will see the council buy long-vacant shops in Hanley and convert them into ground-floor businesses with flats above, in an attempt to bring people back to live in the town centre.",
        "dateline": "STOKE-ON-TRENT",
        "authors": ["sofia.lindqvist"],
        "tags": ["Planning", "Local Government", "Housing"],
        "lead": [
            "The city council is to buy up to 30 empty shops in Hanley and convert the floors above them into about 200 flats, under a £24m plan approved by its cabinet on Wednesday. The council says many of the buildings have been empty for more than five years, and that bringing people back to live in the town centre would help the shops below survive.",
        ],
        "subheadings": [
            {
                "heading": "Living above the shop",
                "paragraphs": [
                    "Many Victorian and Edwardian buildings in Hanley were designed with living space upstairs, but most have been used for storage or left empty for decades. Access is often through the shop itself, which has deterred private owners from converting them. The council plans to create new entrances from side streets and rear yards.",
                ],
                "quote": "",
            },
            {
                "heading": "Compulsory purchase if needed",
                "paragraphs": [
                    "The council hopes to buy most of the properties by agreement, but has said it will use compulsory purchase powers where owners cannot be traced or refuse to engage. Some of the buildings are owned by overseas investment companies that have not responded to letters for years, according to a report to councillors.",
                ],
                "quote": "“A boarded-up shop sends a message that nobody cares about a street, and we want to send the opposite message,” said Councillor Darren Bagnall, the cabinet member for regeneration.",
            },
            {
                "heading": "Affordable rents",
                "paragraphs": [
                    "About half the flats will be let at affordable rents through a council-owned housing company, with priority for key workers and people with a local connection. The remainder will be sold or let on the open market. The ground-floor units will be offered to independent businesses on low rents for the first two years.",
                ],
                "quote": "",
            },
            {
                "heading": "Lessons from elsewhere",
                "paragraphs": [
                    "Similar schemes have been tried in other northern towns, with mixed results. Planners say the key is to convert enough buildings in a single area to make a noticeable difference to footfall and to how safe streets feel at night. The council hopes the first 40 flats will be ready within two years, funded partly by a government regeneration grant.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A row of red-brick Victorian shopfronts, several boarded up, with empty upper windows",
        "hero_caption": "Empty shops in Hanley, where the council plans to create about 200 flats on upper floors.",
        "hero_credit": "Photograph: Ben Ashdown/Newsroom",
        "hours_ago": 210,
        "status": "published",
    },
    {
        "section": "property",
        "headline": "Leaseholders in cladding-hit tower still waiting for repairs to begin",
        "standfirst": "Residents of a 16-storey block in Salford say they have been unable to sell or remortgage for six years, as a dispute between the building’s owner and its original contractor over who should pay for new cladding drags on.",
        "dateline": "SALFORD",
        "authors": ["sofia.lindqvist", "callum.mcbride"],
        "tags": ["Housing", "Courts"],
        "lead": [
            "Leaseholders in a 16-storey tower block in Salford say they are still waiting for work to remove unsafe cladding to begin, six years after tests found it did not meet fire safety standards. The residents of Irwell Point, who own 94 flats in the building, have been unable to sell or remortgage their homes and have paid more than £600,000 between them for a round-the-clock fire patrol.",
        ],
        "subheadings": [
            {
                "heading": "A dispute over costs",
                "paragraphs": [
                    "The building’s freeholder says it has applied for government funding and is pursuing the original contractor through the courts. The contractor disputes responsibility, arguing that the materials complied with the regulations in force at the time. A tribunal hearing is scheduled for next spring, but residents fear further delays.",
                ],
                "quote": "“We bought these flats believing we were doing the sensible thing, and we have been trapped for six years,” said Niamh Doherty, who chairs the residents’ association.",
            },
            {
                "heading": "Legal protections",
                "paragraphs": [
                    "Legislation passed after the Grenfell Tower fire protects most leaseholders from paying for cladding remediation, and allows tribunals to make remediation orders against building owners. Lawyers for the residents have applied for such an order, which would set a binding deadline for the work. Government figures show that about half of identified buildings have yet to start repairs.",
                ],
                "quote": "",
            },
            {
                "heading": "Life in limbo",
                "paragraphs": [
                    "Residents say the uncertainty has taken a toll. Several have had children and outgrown their flats but cannot move; others have turned down jobs elsewhere. Insurance premiums for the building have risen fourfold, adding to service charges. The freeholder said it understood residents’ frustration and hoped work would start within 12 months.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A tall residential tower block clad in grey panels under a cloudy sky",
        "hero_caption": "Irwell Point in Salford, where leaseholders have waited six years for cladding to be replaced.",
        "hero_credit": "Photograph: Nadia Kowalczyk/Newsroom",
        "hours_ago": 320,
        "status": "published",
    },
    # ------------------------------------------------------------------
    # Community
    # ------------------------------------------------------------------
    {
        "section": "community",
        "headline": "Volunteers reopen village library closed by council budget cuts",
        "standfirst": "Eighteen months after it was closed to save money, the library in Brackendale has reopened, run entirely by volunteers and funded by a community trust, book sales and a weekly café.",
        "dateline": "DERBYSHIRE",
        "authors": ["eleanor.fairlie"],
        "tags": ["Culture", "Local Government"],
        "lead": [
            "The library in Brackendale reopened on Saturday, 18 months after the county council closed it to save £42,000 a year, with a team of 36 volunteers now running it six days a week. More than 300 people queued along the high street for the reopening, which was marked by a reading from a local children’s author and a performance by the village brass band.",
        ],
        "subheadings": [
            {
                "heading": "Built by the village",
                "paragraphs": [
                    "The building, a former Methodist schoolroom, was leased to a community trust for a peppercorn rent. Volunteers spent the summer repainting shelves, rewiring the reading room and cataloguing about 9,000 books, most of them donated. The county’s library service still supplies a rotating stock of new titles and access to its online catalogue.",
                ],
                "quote": "“People said we were mad to try, but the village decided it wasn’t prepared to lose the one place you can go without spending money,” said Margaret Hollis, the trust’s chair.",
            },
            {
                "heading": "More than books",
                "paragraphs": [
                    "The reopened library offers help with job applications and online forms, a weekly knit-and-natter group, a homework club and a café run by volunteers. Organisers say the café and a second-hand book stall should cover most running costs, which are about £9,000 a year, with the rest coming from grants and an annual quiz night.",
                ],
                "quote": "",
            },
            {
                "heading": "A growing model",
                "paragraphs": [
                    "Community-run libraries now make up about one in ten of England’s public libraries, according to campaigners. Supporters say they keep vital services alive, but critics argue they let councils shed responsibility and leave poorer areas without the volunteers or fundraising capacity to follow suit. Librarians’ organisations say trained staff remain essential for services such as children’s reading programmes.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A smiling older woman hands a picture book to a young child across a library counter",
        "hero_caption": "A young reader borrows the first book at the reopened Brackendale library on Saturday.",
        "hero_credit": "Photograph: Ines Carvalho/Newsroom",
        "hours_ago": 40,
        "status": "published",
    },
    {
        "section": "community",
        "headline": "Community fridge shares 40 tonnes of surplus food in its first year",
        "standfirst": "A community fridge in Splott, stocked with surplus food from supermarkets, bakeries and allotments, has given away the equivalent of almost 100,000 meals in a year, with organisers saying it is used by people of all ages.",
        "dateline": "CARDIFF",
        "authors": ["eleanor.fairlie"],
        "tags": ["Environment", "Health"],
        "lead": [
            "A community fridge in the Splott area of Cardiff has given away 40 tonnes of surplus food in its first year, the equivalent of almost 100,000 meals, according to the volunteers who run it. The fridge, housed in a converted shipping container outside a community centre, is restocked twice a day with food from supermarkets, bakeries, cafés and local allotments.",
        ],
        "subheadings": [
            {
                "heading": "No questions asked",
                "paragraphs": [
                    "Unlike a food bank, the fridge requires no referral, and anyone can take what they need. Volunteers say that has helped reduce the stigma some people feel about asking for help. Users range from students and young families to pensioners and office workers on their lunch break who would rather eat food than see it thrown away.",
                ],
                "quote": "“Some days it’s pastries, some days it’s forty bags of salad, and it all goes within the hour,” said Rhiannon Evans, one of the coordinators.",
            },
            {
                "heading": "Strict hygiene rules",
                "paragraphs": [
                    "Food is checked against use-by dates and the fridge temperature is logged three times a day, under guidance agreed with the council’s environmental health team. Raw meat, fish and opened items are not accepted. The project has trained 45 volunteers in basic food hygiene and has received no complaints since it opened.",
                ],
                "quote": "",
            },
            {
                "heading": "Plans to expand",
                "paragraphs": [
                    "Organisers have been approached by groups in three other parts of the city hoping to set up their own fridges. They estimate that each one costs about £4,000 to install and £1,500 a year to run, mostly in electricity. A local housing association has offered space outside two of its sheltered housing schemes.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A volunteer in an apron stacks bread and vegetables into a glass-fronted fridge inside a container",
        "hero_caption": "A volunteer restocks the Splott community fridge, which is refilled twice a day.",
        "hero_credit": "Photograph: Rhys Morgan/Newsroom",
        "hours_ago": 36,
        "status": "published",
    },
    {
        "section": "community",
        "headline": "Residents save town swimming pool by raising £450,000 in community shares",
        "standfirst": "More than 1,600 people bought shares in a new community benefit society to take over the swimming pool in Thornmere, which had been earmarked for closure because of rising energy costs.",
        "dateline": "NORFOLK",
        "authors": ["eleanor.fairlie"],
        "tags": ["Health", "Local Government"],
        "lead": [
            "A swimming pool in the Norfolk market town of Thornmere has been saved from closure after residents raised £450,000 through a community share offer, well above the target of £380,000. The money will allow a new community benefit society to take over the 1970s pool from the district council and install solar panels and a heat pump to cut its energy bills.",
        ],
        "subheadings": [
            {
                "heading": "A town that learned to swim there",
                "paragraphs": [
                    "More than 1,600 people bought shares, with a minimum investment of £50, and several local businesses contributed larger sums. Organisers said contributions came from pensioners who had learned to swim there as children, parents of children in swimming clubs and people who use the pool for rehabilitation after surgery.",
                ],
                "quote": "“Almost everyone in this town learned to swim in that water, and nobody was prepared to be the generation that let it go,” said Graham Tully, who chairs the new society.",
            },
            {
                "heading": "Cutting energy costs",
                "paragraphs": [
                    "The pool’s energy bills almost tripled in two years, reaching £190,000 a year, which led the council to propose closure. The society plans to install a pool cover for use overnight, solar panels on the sports hall roof and an air-source heat pump, which it expects to cut energy costs by about half within three years.",
                ],
                "quote": "",
            },
            {
                "heading": "Health benefits",
                "paragraphs": [
                    "Local GPs backed the campaign, pointing out that the nearest alternative pool is 14 miles away and difficult to reach without a car. The pool runs sessions for people with arthritis, antenatal swims and lessons for about 400 children a week. The society plans to reopen it after a three-week refurbishment in January.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Swimmers in lanes at an indoor pool with a large window and a clock on the wall",
        "hero_caption": "Early morning swimmers at Thornmere pool, which will be run by a community society from January.",
        "hero_credit": "Photograph: Tom Reyes/Newsroom",
        "hours_ago": 105,
        "status": "published",
    },
    {
        "section": "community",
        "headline": "Orchestra for young carers gives its first public concert in Glasgow",
        "standfirst": "A youth orchestra set up for children who care for a parent or sibling performed to a full hall on Saturday, after a year of weekly rehearsals designed to give its members some time for themselves.",
        "dateline": "GLASGOW",
        "authors": ["eleanor.fairlie"],
        "tags": ["Culture", "Education"],
        "lead": [
            "An orchestra made up entirely of young carers gave its first public concert in Glasgow on Saturday, performing to a full hall of about 400 people. The 42 musicians, aged between nine and 17, all help to look after a parent, brother or sister at home, and most had never played an instrument until they joined the project a year ago.",
            "The orchestra was set up by a carers’ charity and a music education trust, which provide instruments, tuition and transport free of charge. Rehearsals take place on Saturday mornings, with a separate activity group for brothers and sisters so that whole families can attend together.",
        ],
        "subheadings": [
            {
                "heading": "Time for themselves",
                "paragraphs": [
                    "Organisers say the aim is as much about respite as music. Young carers often miss school, have little time to spend with friends and can feel isolated. The charity estimates there are about 30,000 young carers in Scotland, many of whom are not known to their schools or to social services.",
                ],
                "quote": "“When I’m playing, I’m not thinking about whether Mum has taken her tablets, I’m just thinking about the music,” said Ellie Donnachie, 14, who plays the cello.",
            },
            {
                "heading": "A programme to grow",
                "paragraphs": [
                    "The concert programme included arrangements of Scottish folk tunes, a movement from a Dvořák symphony and a piece composed by the players with a professional composer. After the success of the first year, the organisers plan to open a second group in Dundee and are seeking funding to keep the project running for three more years.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Young musicians in black T-shirts play violins and cellos on a stage under warm lights",
        "hero_caption": "Members of the young carers’ orchestra perform at their first public concert on Saturday.",
        "hero_credit": "Photograph: Kemi Adeyemi/Newsroom",
        "hours_ago": 245,
        "status": "published",
    },
    {
        "section": "community",
        "headline": "Repair café marks fifth birthday after fixing more than 6,000 items",
        "standfirst": "What began as a monthly gathering of retired engineers and sewing enthusiasts in a church hall now runs three times a month, keeping an estimated 18 tonnes of household goods out of landfill.",
        "dateline": "YORK",
        "authors": ["eleanor.fairlie"],
        "tags": ["Environment"],
        "lead": [
            "A repair café in York celebrated its fifth birthday on Saturday, having fixed more than 6,000 broken items since it started in a church hall with six volunteers and a borrowed soldering iron. It now runs three sessions a month across the city, where residents can bring toasters, lamps, bicycles and torn clothes to be mended free of charge.",
        ],
        "subheadings": [
            {
                "heading": "A success rate of 70 per cent",
                "paragraphs": [
                    "Volunteers keep a record of every item that comes through the door. About 70 per cent are successfully repaired, and most of the rest are diagnosed so that their owners can order a replacement part. Electrical goods are the most common category, followed by clothing, bicycles and children’s toys.",
                    "The café estimates its work has kept about 18 tonnes of goods out of landfill. Organisers have campaigned for manufacturers to make spare parts and repair manuals more easily available, and welcomed recent rules requiring some appliances to be repairable for several years after sale.",
                ],
                "quote": "“The thing people value most isn’t the free repair, it’s learning that they can do it themselves next time,” said Derek Armitage, a retired electrician who has volunteered since the first session.",
            },
            {
                "heading": "Volunteers wanted",
                "paragraphs": [
                    "The café is now looking for more volunteers, particularly people with skills in electronics and sewing, and hopes to start sessions in two schools next year to teach pupils basic repair skills. Sessions are held on the first, second and last Saturday of each month, and no booking is needed.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A volunteer under a magnifying lamp repairs the inside of a small radio on a table",
        "hero_caption": "A volunteer works on a radio at the York repair café, which has fixed more than 6,000 items.",
        "hero_credit": "Photograph: Ines Carvalho/Newsroom",
        "hours_ago": 310,
        "status": "published",
    },
    # ------------------------------------------------------------------
    # Sport
    # ------------------------------------------------------------------
    {
        "section": "sport",
        "headline": "Non-league Kirkmoor United stun Hartwell City to reach FA Cup fourth round",
        "standfirst": "A stoppage-time header from a part-time plumber sent Kirkmoor United into the fourth round for the first time in the club’s 112-year history, in front of a record crowd at Moor Lane.",
        "dateline": "NORTH YORKSHIRE",
        "authors": ["gareth.pryce"],
        "tags": ["Football"],
        "lead": [
            "Kirkmoor United, who play five divisions below their opponents, reached the fourth round of the FA Cup for the first time in their 112-year history on Saturday after a 2-1 win over Hartwell City in front of a record crowd of 3,870 at Moor Lane. The winner came in the fourth minute of stoppage time from Liam Varley, a defender who works as a plumber during the week.",
        ],
        "subheadings": [
            {
                "heading": "A late, late winner",
                "paragraphs": [
                    "Hartwell had taken the lead shortly before half-time through a well-worked move down the left, and for long spells the home side struggled to get out of their own half. Kirkmoor equalised with 12 minutes remaining when Josh Dunford volleyed in from the edge of the area, before Varley rose at the far post to meet a corner.",
                ],
                "quote": "",
            },
            {
                "heading": "A financial lifeline",
                "paragraphs": [
                    "The cup run has already earned the club more than £200,000 in prize money and television fees, a large sum for a club whose annual budget is around £350,000. The chairman said the money would go towards a new artificial pitch that local junior teams will be able to use throughout the week.",
                ],
                "quote": "",
            },
            {
                "heading": "Dreaming of a big draw",
                "paragraphs": [
                    "Players and supporters will gather in the clubhouse on Monday evening to watch the fourth-round draw. The manager, Steve Hollins, said he would be happy with any opponent, though most of the squad are hoping for a trip to a Premier League ground. The tie will be played over the last weekend of January.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Footballers in red shirts celebrate in front of a packed terrace of cheering supporters",
        "hero_caption": "Kirkmoor United players celebrate Liam Varley’s stoppage-time winner at Moor Lane.",
        "hero_credit": "Photograph: Ben Ashdown/Newsroom",
        "hours_ago": 6,
        "status": "published",
    },
    {
        "section": "sport",
        "headline": "Western Counties women clinch title on final day with three-wicket win",
        "standfirst": "Needing victory to overtake their rivals, Western Counties chased down 241 at Ashgrove with four balls to spare, sealing their first championship since the women’s regional competition was restructured.",
        "dateline": "SOMERSET",
        "authors": ["gareth.pryce"],
        "tags": ["Cricket"],
        "lead": [
            "Western Counties won the women’s regional championship for the first time on Sunday, chasing 241 to beat Northern Kestrels by three wickets with four balls to spare at Ashgrove. Only a win would have been enough to overtake the Kestrels at the top of the table, and the result was in doubt until the final over.",
        ],
        "subheadings": [
            {
                "heading": "Calm under pressure",
                "paragraphs": [
                    "The chase was anchored by the captain, Hannah Brierley, whose 87 from 96 balls steadied the innings after two early wickets. When she fell with 31 still needed, the wicketkeeper Jess Amadi and the teenage all-rounder Poppy Sheldon added the runs, Sheldon hitting a boundary over cover to settle it.",
                ],
                "quote": "",
            },
            {
                "heading": "A season of growth",
                "paragraphs": [
                    "Crowds at women’s domestic matches have risen sharply this season, and Ashgrove was close to its 4,500 capacity. The county has invested in full-time professional contracts for its leading players, and the coaching staff say that has allowed the squad to train together through the winter for the first time.",
                ],
                "quote": "",
            },
            {
                "heading": "Eyes on next summer",
                "paragraphs": [
                    "Several of the squad are expected to be named in the England development programme later this month. The head coach, Marcus Fielding, said the challenge now was to keep the group together, as larger counties look to recruit players from a side that has proved it can win under pressure.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Cricketers in blue embrace on a sunlit outfield as teammates run from the pavilion",
        "hero_caption": "Western Counties celebrate after sealing the women’s regional title at Ashgrove.",
        "hero_credit": "Photograph: Rhys Morgan/Newsroom",
        "hours_ago": 88,
        "status": "published",
    },
    {
        "section": "sport",
        "headline": "Millbrook RFC appoint first female head coach in the club’s 120-year history",
        "standfirst": "Former international back-row forward Claire Maddox will take charge of Millbrook’s first XV next season, becoming one of only a handful of women to lead a senior men’s side in the English rugby pyramid.",
        "dateline": "GLOUCESTERSHIRE",
        "authors": ["gareth.pryce"],
        "tags": ["Rugby"],
        "lead": [
            "Millbrook RFC have appointed Claire Maddox as head coach of their first XV, the first woman to hold the role in the club’s 120-year history. Maddox, who won 38 caps as a back-row forward before moving into coaching, will take over at the start of next season, when Millbrook return to the fourth tier after promotion last spring.",
        ],
        "subheadings": [
            {
                "heading": "Earned on merit",
                "paragraphs": [
                    "The club said Maddox had been chosen from a shortlist of five after an interview process that included a presentation to the senior players. She has spent the past three seasons as forwards coach, during which Millbrook conceded the fewest tries in their league and won promotion with two games to spare.",
                ],
                "quote": "",
            },
            {
                "heading": "Players’ backing",
                "paragraphs": [
                    "The club captain, Dan Oyelaran, said the squad had asked for Maddox to be appointed after the previous head coach left for a role at a professional academy. Her first priority will be to strengthen the squad for a more demanding league, with travel to clubs as far afield as Cornwall and Kent.",
                ],
                "quote": "",
            },
            {
                "heading": "A wider shift",
                "paragraphs": [
                    "Only a small number of women have coached senior men’s teams in England, although the number in assistant and academy roles has grown. The Rugby Football Union has set targets to increase the number of women coaches at every level and says high-profile appointments help encourage others to take their coaching qualifications.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A woman in a club tracksuit holds a rugby ball and talks to players on a training pitch",
        "hero_caption": "Claire Maddox leads a training session at Millbrook, where she will become head coach next season.",
        "hero_credit": "Photograph: Tom Reyes/Newsroom",
        "hours_ago": 160,
        "status": "published",
    },
    {
        "section": "sport",
        "headline": "Walking rugby sessions for the over-60s prove a hit at Ottercombe",
        "standfirst": "A weekly walking rugby session at a Devon club has grown from six players to more than 50, drawing former players and complete beginners who say the game has improved their fitness and their social lives.",
        "dateline": "DEVON",
        "authors": ["gareth.pryce"],
        "tags": ["Rugby", "Health"],
        "lead": [
            "A walking rugby session launched at Ottercombe RFC last year for people over 60 has grown from six participants to more than 50, making it one of the largest groups of its kind in the south-west. The non-contact game, in which running is banned and tackles are replaced by two-handed touches, is played for an hour every Wednesday morning, followed by tea in the clubhouse.",
        ],
        "subheadings": [
            {
                "heading": "No running, no tackling",
                "paragraphs": [
                    "Players walk at all times, and anyone caught jogging concedes a penalty. Scrums and lineouts are uncontested, and the ball must be passed within three seconds of a touch. Participants range in age from 60 to 84, and about a third are women, many of whom had never played rugby before.",
                ],
                "quote": "",
            },
            {
                "heading": "Health benefits",
                "paragraphs": [
                    "A physiotherapist who volunteers with the group said regular players had reported better balance, stronger legs and fewer falls. Local GP practices have begun referring patients through social prescribing schemes, particularly men who might otherwise be reluctant to join an exercise class.",
                    "The club now plans to enter a regional walking rugby festival in the spring, and has applied for a grant to buy lightweight balls and bibs. Organisers say the clubhouse café, which used to be quiet on weekdays, is now busier on a Wednesday than on a match day.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A group of older men and women in coloured bibs pass a rugby ball while walking on a grass pitch",
        "hero_caption": "Players at Ottercombe RFC’s Wednesday walking rugby session, which now attracts more than 50 people.",
        "hero_credit": "Photograph: Nadia Kowalczyk/Newsroom",
        "hours_ago": 200,
        "status": "published",
    },
    {
        "section": "sport",
        "headline": "Castlegate Town’s new stadium approved with 3,000 seats and a community hub",
        "standfirst": "Planners have approved Castlegate Town’s move to a new 6,000-capacity ground on the edge of town, ending a decade of uncertainty for a club whose Victorian stadium no longer meets league safety standards.",
        "dateline": "COUNTY DURHAM",
        "authors": ["gareth.pryce"],
        "tags": ["Football", "Planning"],
        "lead": [
            "Castlegate Town have been given planning permission to build a 6,000-capacity stadium on the outskirts of the town, ending more than a decade of uncertainty over the club’s future. The scheme, approved by the county council on Thursday, includes 3,000 seats, an all-weather training pitch for community use and a building housing a gym, a café and a GP outreach clinic.",
        ],
        "subheadings": [
            {
                "heading": "Leaving an old home",
                "paragraphs": [
                    "The club has played at Church Street since 1889, but the ground’s wooden main stand was closed last season after an engineer’s report found problems with its structure. League officials have warned the club it risks relegation if it cannot meet ground grading requirements by 2026. The old site will be sold for housing to help fund the move.",
                ],
                "quote": "“Church Street has given us 135 years of memories, but nostalgia doesn’t pass a safety inspection,” said Alan Crosthwaite, the club’s chairman.",
            },
            {
                "heading": "Community at the centre",
                "paragraphs": [
                    "The training pitch will be available to local junior and women’s teams six nights a week, addressing a shortage of all-weather pitches in the area. The club’s community trust, which already runs walking football sessions and holiday clubs, will move into the new building and plans to double the number of people it works with.",
                ],
                "quote": "",
            },
            {
                "heading": "Concerns over traffic",
                "paragraphs": [
                    "Residents of nearby estates raised concerns about parking on match days. The club has agreed to provide 450 parking spaces, a shuttle bus from the town centre and stewards on surrounding streets for the first two seasons. Construction is expected to start in the summer, with the first match at the new ground planned for August 2026.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "An architect’s drawing of a compact football stadium with a curved roof beside green fields",
        "hero_caption": "An artist’s impression of Castlegate Town’s new ground, which will include a community pitch and clinic.",
        "hero_credit": "Illustration: Lucy Fairbairn/Newsroom",
        "hours_ago": 420,
        "status": "published",
    },
    # ------------------------------------------------------------------
    # Opinion
    # ------------------------------------------------------------------
    {
        "section": "opinion",
        "headline": "We cannot keep closing libraries and calling it efficiency",
        "standfirst": "Every library that closes saves a council a small sum and costs a community something it will not get back. Volunteers are heroic, but they should not be the plan, writes Eleanor Fairlie.",
        "dateline": "",
        "authors": ["eleanor.fairlie"],
        "tags": ["Culture", "Local Government"],
        "lead": [
            "On Saturday I stood in a queue of 300 people waiting for a library to open. It was a joyful morning, with a brass band, a children’s author and a sense that a village had done something remarkable. It was also, if we are honest, a small indictment of how we have come to treat one of the few public spaces left where nobody expects you to buy anything.",
        ],
        "subheadings": [
            {
                "heading": "The arithmetic of closure",
                "paragraphs": [
                    "The saving from closing Brackendale’s library was £42,000 a year. That is a real sum for a county council facing rising demand for social care, and nobody who has sat through a budget meeting would pretend otherwise. But it is a sum measured on only one side of the ledger. Nobody counts the cost of the lonely pensioner who no longer has a reason to leave the house.",
                    "Nor do we count the teenager without a quiet place to revise, or the jobseeker without a computer. Those costs turn up later, in other budgets, usually larger ones. Libraries are cheap precisely because they prevent expensive things from happening, and that is the hardest kind of value to defend in a spreadsheet.",
                ],
                "quote": "",
            },
            {
                "heading": "Volunteers are not a strategy",
                "paragraphs": [
                    "The volunteers in Brackendale deserve every word of praise they receive. But a service that depends on a village having retired teachers with time to spare and a café that turns a profit is not a national library service. It is a lottery, and the places least likely to win it are the ones that need libraries most.",
                ],
                "quote": "",
            },
            {
                "heading": "What councils could do instead",
                "paragraphs": [
                    "There are better options than closure. Libraries can share buildings with health visitors, advice services and council offices, cutting costs without shutting doors. Central government could also recognise, in the way it funds councils, that a statutory duty to provide a library service means little if the money to meet it is not there.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Shelves of books in a small library lit by afternoon sun through a tall window",
        "hero_caption": "A community-run library in Derbyshire, one of a growing number kept open by volunteers.",
        "hero_credit": "Photograph: Ines Carvalho/Newsroom",
        "hours_ago": 1,
        "status": "published",
    },
    {
        "section": "opinion",
        "headline": "The bus is the most important public service nobody at Westminster uses",
        "standfirst": "Most journeys on public transport are made by bus, yet it barely features in political debate. Until those making decisions rely on it themselves, rural and suburban services will keep withering, argues Daniel Hartley.",
        "dateline": "",
        "authors": ["daniel.hartley"],
        "tags": ["Transport", "Local Government"],
        "lead": [
            "More journeys on public transport in England are made by bus than by train, underground and tram combined. You would not know it from listening to politicians, whose speeches about transport tend to feature high-speed lines, new stations and ribbon-cutting at airports. The bus is treated as a residual service, something for people who have no other choice.",
            "That is precisely why it matters. For older people, teenagers, shift workers and anyone who cannot afford to run a car, the bus is the difference between taking a job or turning it down, seeing a consultant on time or missing the appointment, staying connected to friends or quietly becoming isolated.",
        ],
        "subheadings": [
            {
                "heading": "A decade of decline",
                "paragraphs": [
                    "Thousands of routes have been cut or withdrawn over the past 15 years, particularly in the evenings and on Sundays. In many market towns the last bus home now leaves before six, which rules out most jobs in retail and hospitality. Each cut reduces passenger numbers, which makes the next cut easier to justify.",
                ],
                "quote": "“The timetable seems to be designed for somebody who doesn’t have a job,” said Moira Keeling, a care worker I met at a bus stop in Lincolnshire last year.",
            },
            {
                "heading": "A modest proposal",
                "paragraphs": [
                    "The recent vote to extend the fare cap in rural areas was welcome, but cheap fares are of little use if the bus does not come. What is needed is stable, long-term funding that allows councils to plan networks, not annual competitions for pots of money. And perhaps ministers could take the bus to work once a month, to see what their decisions look like from the stop.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A lone woman waits at a rural bus shelter beside an empty road at dusk",
        "hero_caption": "In many market towns the last bus home now leaves before six in the evening.",
        "hero_credit": "Photograph: Ben Ashdown/Newsroom",
        "hours_ago": 75,
        "status": "published",
    },
    {
        "section": "opinion",
        "headline": "Interest rate cuts alone will not fix a housing market that is broken",
        "standfirst": "Lower borrowing costs will bring some relief to buyers, but they will also push prices up again. The real problem is supply, and no central bank can build homes, writes Priya Raman.",
        "dateline": "",
        "authors": ["priya.raman"],
        "tags": ["Housing", "Economy"],
        "lead": [
            "When the Bank of England eventually starts cutting interest rates, there will be a chorus of relief from estate agents, housebuilders and anxious would-be buyers. Mortgage rates will drift down, and the number of sales will recover. It is worth asking, before the celebrations begin, what exactly that will fix, and for whom.",
        ],
        "subheadings": [
            {
                "heading": "Cheap money, dear homes",
                "paragraphs": [
                    "For most of the past 15 years, rates were close to zero. That did not make homes more affordable. It made them more expensive, because buyers bid up prices with whatever they could borrow. The ratio of house prices to earnings roughly doubled in a generation, and lower rates were one of the main reasons why.",
                ],
                "quote": "",
            },
            {
                "heading": "The supply problem",
                "paragraphs": [
                    "The fundamental issue is that Britain has not built enough homes, in the right places, for decades. Housebuilding is concentrated among a handful of large firms whose business model depends on selling slowly enough to protect prices. Councils, which once built well over 100,000 homes a year, now build a fraction of that.",
                ],
                "quote": "“We’ve been trying to solve a shortage of bricks with cheaper credit for twenty years,” said Martin Oduya, a housing economist, when I asked him what had gone wrong.",
            },
            {
                "heading": "What would actually help",
                "paragraphs": [
                    "A serious housing policy would give councils the money and powers to buy land at something close to its existing use value, build at scale and let homes at rents people can afford. It would treat planning departments as essential infrastructure rather than a cost to be trimmed. None of that is in the Bank of England’s gift, and all of it takes years.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Rows of new brick houses under construction with scaffolding and a crane",
        "hero_caption": "New homes under construction in the Midlands; supply, not borrowing costs, is the underlying problem.",
        "hero_credit": "Photograph: Rhys Morgan/Newsroom",
        "hours_ago": 220,
        "status": "published",
    },
    {
        "section": "opinion",
        "headline": "Grassroots sport needs pitches and changing rooms, not more promises",
        "standfirst": "Every big tournament brings pledges about legacy and participation. Meanwhile junior teams play on waterlogged fields and change in car parks. It is time to fund the basics, writes Gareth Pryce.",
        "dateline": "",
        "authors": ["gareth.pryce"],
        "tags": ["Football", "Cricket", "Local Government"],
        "lead": [
            "Last Sunday I watched an under-11s match played on a pitch so waterlogged that the ball stopped dead in the puddles. The players changed in their parents’ cars, because the council pavilion has been locked since its roof failed a safety inspection two winters ago. Nobody complained; they were just grateful the game was on.",
        ],
        "subheadings": [
            {
                "heading": "Legacy that never arrives",
                "paragraphs": [
                    "Every major tournament comes with pledges about inspiring the next generation. The inspiration part works. Clubs report surges in enquiries after every good England run, whether in football, cricket or rugby. What they cannot do is accommodate the children who turn up, because there are not enough usable pitches, coaches or changing rooms.",
                    "Councils, which own most of the country’s playing fields, have seen their budgets for parks and leisure cut harder than almost anything else. Groundsmen have gone, drainage has not been maintained and pavilions have been boarded up. Some clubs now spend more on hiring facilities than on anything else.",
                ],
                "quote": "“We turn away forty children every September, and it breaks my heart,” said Karen Whitby, secretary of a junior football club in Durham.",
            },
            {
                "heading": "Fund the basics",
                "paragraphs": [
                    "None of this needs a grand strategy. It needs a ring-fenced fund for drainage, changing rooms and floodlights, distributed according to need rather than competitive bidding, and a requirement that the professional game, which earns billions from television rights, puts more of that money into the pitches where its future players learn to play.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Children in football kits stand on a muddy, waterlogged pitch with puddles near the goal",
        "hero_caption": "An under-11s match on a waterlogged pitch; clubs say facilities have not kept up with demand.",
        "hero_credit": "Photograph: Kemi Adeyemi/Newsroom",
        "hours_ago": 290,
        "status": "published",
    },
    {
        "section": "opinion",
        "headline": "Our towns deserve better than yet another consultation on their future",
        "standfirst": "Residents of many market towns have been asked their views on regeneration plans again and again, often with little to show for it. They deserve fewer questionnaires and more decisions, argues Eleanor Fairlie.",
        "dateline": "",
        "authors": ["eleanor.fairlie"],
        "tags": ["Planning", "Local Government"],
        "lead": [
            "A reader in Shropshire wrote to me last month with a list. Since 2009, she said, her town had been the subject of seven consultations on its future: two masterplans, a high street strategy, a heritage action zone, a parking review and two rounds of bids for regeneration money. She had responded to all of them. The empty bank on the corner is still empty.",
        ],
        "subheadings": [
            {
                "heading": "Consultation fatigue",
                "paragraphs": [
                    "Consultation matters. People should have a say in what happens to the places they live, and the best schemes are shaped by those who know a town well. But when the same questions are asked repeatedly, and nothing seems to change, consultation stops feeling like participation and starts to feel like a way of postponing decisions.",
                ],
                "quote": "",
            },
            {
                "heading": "Short-term money, long-term problems",
                "paragraphs": [
                    "Part of the problem is the way money reaches towns. Funding comes in short, competitive bursts, each with its own application, consultants and public engagement, and often with a deadline that leaves little time to deliver anything. Councils that lose one round simply start again with the next.",
                ],
                "quote": "“We have had more visioning workshops than new businesses,” said Colin Atherley, who has run a hardware shop on the same high street for 31 years.",
            },
            {
                "heading": "Trust people with decisions",
                "paragraphs": [
                    "Towns need a long-term budget they can rely on, and the freedom to act on what residents have already told them. That might mean buying empty buildings and putting flats above the shops, or simply fixing the pavements. Whatever it is, the people who fill in the questionnaires deserve to see something happen.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A quiet market town high street with several empty shopfronts and a closed bank",
        "hero_caption": "Many market towns have been consulted repeatedly on regeneration plans with little visible change.",
        "hero_credit": "Photograph: Tom Reyes/Newsroom",
        "hours_ago": 500,
        "status": "published",
    },
    # ------------------------------------------------------------------
    # Not yet published, scheduled or withdrawn
    # ------------------------------------------------------------------
    {
        "section": "international",
        "headline": "Aid agencies warn of funding gap as winter approaches in refugee camps",
        "standfirst": "Humanitarian organisations in Jordan say they have received less than half the money needed for winter support this year, leaving thousands of refugee families without heating fuel or weatherproofed shelters as temperatures fall.",
        "dateline": "JORDAN",
        "authors": ["amara.okafor"],
        "tags": ["Aid", "Diplomacy"],
        "lead": [
            "Aid agencies working with refugees in Jordan have warned that they have received only 43 per cent of the funding needed for their winter programmes, leaving thousands of families facing the cold months without heating fuel, blankets or weatherproofing for their shelters. Night-time temperatures in the north of the country regularly fall below freezing in January and February.",
        ],
        "subheadings": [
            {
                "heading": "Difficult choices",
                "paragraphs": [
                    "Agencies say they are being forced to prioritise families with young children, older people and those with disabilities, while others will receive reduced support or none at all. Cash assistance, which allows families to buy fuel and warm clothing locally, has been cut from three months to two in some programmes.",
                ],
                "quote": "“We are deciding which families get a heater, and that is not a decision anyone should have to make,” said Samira Khoury, who manages winter programmes for an international charity in Mafraq.",
            },
            {
                "heading": "Donor fatigue",
                "paragraphs": [
                    "Officials say the shortfall reflects competing crises elsewhere and falling aid budgets in several donor countries, including the UK. A pledging conference in Brussels next month is expected to focus on the region, but agencies say money promised there may not arrive in time to help families this winter.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Rows of white prefabricated shelters in a refugee camp under a cold grey sky",
        "hero_caption": "Shelters in a camp in northern Jordan, where night-time temperatures often fall below freezing.",
        "hero_credit": "Photograph: Kemi Adeyemi/Newsroom",
        "hours_ago": None,
        "status": "draft",
    },
    {
        "section": "sport",
        "headline": "Western Counties seek permission for permanent floodlights at Ashgrove",
        "standfirst": "The county cricket club wants to install four permanent floodlight towers at Ashgrove so it can host day-night matches, but some neighbours say the 40-metre masts would dominate a conservation area.",
        "dateline": "SOMERSET",
        "authors": ["gareth.pryce"],
        "tags": ["Cricket", "Planning"],
        "lead": [
            "Western Counties Cricket Club has submitted a planning application to install four permanent floodlight towers at its Ashgrove ground, which would allow it to stage day-night matches and attract larger crowds for evening fixtures. The club currently hires temporary lights for a handful of games each summer at a cost of about £120,000 a season.",
        ],
        "subheadings": [
            {
                "heading": "Club says lights are vital",
                "paragraphs": [
                    "The club argues that permanent lights would make it eligible to host international women’s matches and would increase income from its most popular short-format fixtures, which regularly sell out. It says the lights would be used on no more than 30 evenings a year and switched off by 10.30pm.",
                ],
                "quote": "",
            },
            {
                "heading": "Neighbours’ concerns",
                "paragraphs": [
                    "Residents of streets bordering the ground say the 40-metre towers would be visible from across the town and would spill light into nearby homes. A local conservation society has objected, arguing that the masts would harm views of the church and the surrounding Georgian terraces. The council is expected to decide the application in the spring.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A cricket ground at dusk with a pavilion, terraced houses behind and a church tower beyond",
        "hero_caption": "Ashgrove, where Western Counties hope to install four 40-metre floodlight towers.",
        "hero_credit": "Photograph: Rhys Morgan/Newsroom",
        "hours_ago": None,
        "status": "draft",
    },
    {
        "section": "opinion",
        "headline": "Local journalism still matters, even when the feed says otherwise",
        "standfirst": "The council meeting nobody attends, the planning decision nobody explains: without local reporters, these things happen in the dark. Readers can help keep the lights on, writes Eleanor Fairlie.",
        "dateline": "",
        "authors": ["eleanor.fairlie"],
        "tags": ["Culture"],
        "lead": [
            "Most of what this newspaper does will never go viral. A six-hour council budget meeting, a planning committee arguing about drainage, a magistrates’ court list on a wet Tuesday morning: none of it is likely to trend. But all of it shapes the places we live, and if nobody is there to write it down, it happens without anyone watching.",
        ],
        "subheadings": [
            {
                "heading": "What is lost when reporters leave",
                "paragraphs": [
                    "Studies in Britain and the United States have found that when local newspapers close, fewer people stand for election, turnout falls and public borrowing costs can rise, because nobody is scrutinising how money is spent. Those effects are slow and invisible, which is why they are so easy to ignore until they have already happened.",
                ],
                "quote": "",
            },
            {
                "heading": "How readers can help",
                "paragraphs": [
                    "There is no single answer to the economics of local news, but readers are part of it. Subscribing helps, of course, but so does telling us what we are missing, sending us the letter from the council that made no sense and turning up to the meeting once in a while. Journalism works best as a conversation, not a broadcast.",
                ],
                "quote": "“If nobody writes it down, it may as well never have happened,” said Brian Tolley, the news editor who gave me my first job.",
            },
        ],
        "hero_alt": "A reporter takes notes in a notebook at the back of a council chamber during a meeting",
        "hero_caption": "Local reporters often provide the only independent record of council meetings.",
        "hero_credit": "Photograph: Ben Ashdown/Newsroom",
        "hours_ago": None,
        "status": "draft",
    },
    {
        "section": "crime",
        "headline": "Police charge 14 people after 18-month investigation into drug supply network",
        "standfirst": "Fourteen people have been charged following an investigation into a network that police say supplied drugs across three counties using dedicated phone lines, with officers also working to protect young people who were exploited.",
        "dateline": "WEST YORKSHIRE",
        "authors": ["callum.mcbride"],
        "tags": ["Policing", "Courts"],
        "lead": [
            "Fourteen people have been charged with conspiracy to supply controlled drugs after an 18-month investigation by West Yorkshire Police into a network that officers say operated across three counties. Warrants were executed at 11 addresses in Bradford, Wakefield and Doncaster on Tuesday morning, and cash, mobile phones and vehicles were seized.",
        ],
        "subheadings": [
            {
                "heading": "Young people protected",
                "paragraphs": [
                    "Detectives said part of the investigation had focused on identifying children and vulnerable adults who had been exploited by the network to carry drugs and cash. Six young people have been referred to safeguarding services, and officers are working with schools and youth workers in the areas affected.",
                ],
                "quote": "“We will pursue the people who profit from this trade, but we see the children drawn into it as victims, not criminals,” said Detective Chief Inspector Sunita Rawal.",
            },
            {
                "heading": "Phone lines shut down",
                "paragraphs": [
                    "Police said they had closed down four phone lines used to take orders, which together were receiving several hundred messages a day. Investigators used data from the phones, along with surveillance and financial inquiries, to build their case. Assets worth about £250,000 have been frozen pending further proceedings.",
                ],
                "quote": "",
            },
            {
                "heading": "Court appearances",
                "paragraphs": [
                    "The 14 people charged, aged between 19 and 47, appeared before Leeds magistrates on Thursday and were remanded in custody or released on bail to appear at Leeds Crown Court next month. Police said further arrests were possible and urged anyone with information to contact them, or the independent charity Crimestoppers anonymously.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "Uniformed police officers stand outside the front door of a terraced house in early morning light",
        "hero_caption": "Officers at one of 11 addresses searched on Tuesday as part of the investigation.",
        "hero_credit": "Photograph: Tom Reyes/Newsroom",
        "hours_ago": None,
        "status": "in_review",
    },
    {
        "section": "politics",
        "headline": "Devolution deal hands county new powers over transport, skills and housing",
        "standfirst": "Suffolk will choose its first directly elected leader next May under a devolution agreement that transfers control of adult skills funding and local transport budgets, along with a £480m investment fund spread over 30 years.",
        "dateline": "SUFFOLK",
        "authors": ["daniel.hartley", "sofia.lindqvist"],
        "tags": ["Local Government", "Transport", "Education"],
        "lead": [
            "Suffolk is to gain new powers over transport, adult skills and housing under a devolution deal signed with the government, with residents electing a council leader directly for the first time next May. The agreement includes an investment fund worth £16m a year for 30 years, and gives the county control of budgets currently managed in Whitehall.",
        ],
        "subheadings": [
            {
                "heading": "What the county gets",
                "paragraphs": [
                    "The deal transfers responsibility for the adult education budget, worth about £12m a year, and brings funding for local roads and bus services together into a single pot. The county will also gain powers to buy land for housing and regeneration. In return, it must hold an election for a leader with a four-year mandate.",
                ],
                "quote": "",
            },
            {
                "heading": "Mixed views among councillors",
                "paragraphs": [
                    "Supporters say the deal brings decisions closer to the people affected by them, and that counties without devolution risk falling behind. Some district councillors worry that power will be concentrated in one person, and that the sums involved are small compared with what was lost through a decade of budget cuts.",
                ],
                "quote": "“Sixteen million a year is welcome, but it doesn’t fill the hole left by the last ten years,” said Councillor Philippa Drury, leader of an opposition group on the county council.",
            },
            {
                "heading": "Skills the priority",
                "paragraphs": [
                    "Business leaders said the skills budget was the most significant part of the deal. Employers in the county, particularly in engineering, ports and care, report difficulty recruiting, and they hope local control will allow courses to be matched more closely to the jobs available. The first changes are expected from September next year.",
                ],
                "quote": "",
            },
            {
                "heading": "The timetable",
                "paragraphs": [
                    "The agreement must be approved by the county council and then by Parliament through secondary legislation. Candidates for the new post will be selected in the new year, with the election held alongside other local elections in May. The new leader will take office within days of the result being declared.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "The exterior of a modern council headquarters building with flags flying on a clear day",
        "hero_caption": "The county council’s headquarters; the deal must still be approved by councillors and Parliament.",
        "hero_credit": "Photograph: Nadia Kowalczyk/Newsroom",
        "hours_ago": -24,
        "status": "scheduled",
    },
    {
        "section": "business",
        "headline": "Regional airline suspends three routes after losing public service contract",
        "standfirst": "Skyline Atlantic will stop flying three routes from Newquay at the end of the month after failing to win a renewed subsidy contract, putting 60 jobs at risk and leaving passengers searching for alternatives.",
        "dateline": "CORNWALL",
        "authors": ["priya.raman"],
        "tags": ["Transport", "Employment"],
        "lead": [
            "A regional airline has announced it will suspend three routes from Newquay at the end of the month after losing a subsidised contract to operate them, putting 60 jobs at risk. Skyline Atlantic said its services to Belfast, Leeds Bradford and the Isles of Scilly were not commercially viable without public support, and that it had begun consulting affected staff.",
        ],
        "subheadings": [
            {
                "heading": "Passengers left searching",
                "paragraphs": [
                    "About 140,000 passengers used the routes last year, including business travellers, students and patients travelling for hospital treatment. The council said it was working with other operators to restore at least one of the services, but warned that there could be a gap of several months before new flights begin.",
                ],
                "quote": "“For people here, losing these flights is like losing a motorway,” said Jenna Treloar, who runs a tourism business in Padstow.",
            },
            {
                "heading": "Jobs at risk",
                "paragraphs": [
                    "The airline employs about 60 pilots, cabin crew and engineers at the airport. Unions said they would seek talks about redeployment to the company’s other bases. The airport said it remained confident about its long-term future and was in talks with several carriers about new routes for next summer.",
                ],
                "quote": "",
            },
        ],
        "hero_alt": "A small turboprop aircraft parked on an airport apron beside a baggage cart",
        "hero_caption": "A Skyline Atlantic aircraft at Newquay; the airline will suspend three routes at the end of the month.",
        "hero_credit": "Photograph: Ines Carvalho/Newsroom",
        "hours_ago": 100,
        "status": "withdrawn",
    },
]
